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
  /** A reminder this many days before (a VALARM), when above 0. */
  remindDaysBefore?: number;
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
  if (e.remindDaysBefore && e.remindDaysBefore > 0)
    out += `BEGIN:VALARM\r\nACTION:DISPLAY\r\n${contentLine('TRIGGER', `-P${e.remindDaysBefore}D`)}${contentLine('DESCRIPTION', escapeText(e.summary))}END:VALARM\r\n`;
  return `${out}END:VEVENT\r\n`;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The first date and rule of something that comes back every year on a stored date (YYYY-MM-DD, or
 * --MM-DD when the year is unknown: then from `thisYear`). 29 February falls on the last day of
 * February, as the Today agenda counts it, so non-leap years still show it (on the 28th).
 */
export function yearly(onDate: string, thisYear: number): { date: string; rrule: string } {
  const monthDay = onDate.slice(-5);
  let year = onDate.startsWith('--') ? thisYear : Number(onDate.slice(0, 4));
  if (monthDay === '02-29') {
    while (!isLeap(year)) year--;
    return { date: `${String(year).padStart(4, '0')}-02-29`, rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' };
  }
  return { date: `${String(year).padStart(4, '0')}-${monthDay}`, rrule: 'FREQ=YEARLY' };
}
