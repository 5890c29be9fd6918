import ICAL from 'ical.js';

export interface Invitation {
  uid: string;
  /** ISO instant */
  start: string;
  minutes: number;
  summary: string;
  description?: string | null;
  organizer?: { name: string; email: string } | null;
  attendee?: { name: string; email: string } | null;
  stamp: Date;
}

const utc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A one-event calendar (METHOD:REQUEST) for a chat, written by ical.js from jCal: it escapes text
 * values and quotes parameters, so a name or topic cannot add lines or properties of its own.
 */
export function invitationIcs(inv: Invitation): string {
  const start = Date.parse(inv.start);
  const props: unknown[] = [
    ['uid', {}, 'text', inv.uid],
    ['dtstamp', {}, 'date-time', utc(inv.stamp.getTime())],
    ['dtstart', {}, 'date-time', utc(start)],
    ['dtend', {}, 'date-time', utc(start + inv.minutes * 60_000)],
    ['summary', {}, 'text', inv.summary],
    ['status', {}, 'text', 'CONFIRMED'],
  ];
  if (inv.description) props.push(['description', {}, 'text', inv.description]);
  if (inv.organizer) props.push(['organizer', { cn: inv.organizer.name }, 'cal-address', `mailto:${inv.organizer.email}`]);
  if (inv.attendee) props.push(['attendee', { cn: inv.attendee.name, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: 'TRUE' }, 'cal-address', `mailto:${inv.attendee.email}`]);
  const jcal = [
    'vcalendar',
    [
      ['version', {}, 'text', '2.0'],
      ['prodid', {}, 'text', '-//Rapport//Rapport chats//EN'],
      ['calscale', {}, 'text', 'GREGORIAN'],
      ['method', {}, 'text', 'REQUEST'],
    ],
    [['vevent', props, []]],
  ];
  return `${ICAL.stringify(jcal as Parameters<typeof ICAL.stringify>[0])}\r\n`;
}
