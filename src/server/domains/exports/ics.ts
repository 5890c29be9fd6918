import { addDays } from '../../platform/clock';
import { contentLine, escapeText } from './content-line';

/** An all-day calendar entry: a follow-up on its day, or a milestone (yearly when it recurs). */
export interface CalendarEntry {
  uid: string;
  /** YYYY-MM-DD */
  date: string;
  summary: string;
  description?: string | null;
  categories: string[];
  /** An RRULE value, e.g. FREQ=YEARLY */
  rrule?: string;
  created: string;
  updated: string;
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
const day = (date: string) => date.replace(/-/g, '');

export const calendarHeader = (name: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${contentLine('PRODID', '-//Rapport//Rapport calendar export//EN')}CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n${contentLine('X-WR-CALNAME', escapeText(name))}`;

export const calendarFooter = 'END:VCALENDAR\r\n';

/** One VEVENT (RFC 5545): all-day, so it stays on its date in every time zone. */
export function toVEvent(e: CalendarEntry, now: string): string {
  let out = 'BEGIN:VEVENT\r\n';
  out += contentLine('UID', e.uid);
  out += contentLine('DTSTAMP', stamp(now));
  out += contentLine('DTSTART', day(e.date), { VALUE: 'DATE' });
  out += contentLine('DTEND', day(addDays(e.date, 1)), { VALUE: 'DATE' });
  if (e.rrule) out += contentLine('RRULE', e.rrule);
  out += contentLine('SUMMARY', escapeText(e.summary));
  if (e.description) out += contentLine('DESCRIPTION', escapeText(e.description));
  if (e.categories.length) out += contentLine('CATEGORIES', e.categories.map((c) => escapeText(c)).join(','));
  out += 'TRANSP:TRANSPARENT\r\n';
  out += contentLine('CREATED', stamp(e.created));
  out += contentLine('LAST-MODIFIED', stamp(e.updated));
  return `${out}END:VEVENT\r\n`;
}
