import ICAL from 'ical.js';

/** An all-day event: the day is a calendar date in the owner's time zone, so it needs no TZID. */
export interface FeedEvent {
  uid: string;
  /** YYYY-MM-DD */
  date: string;
  summary: string;
  description?: string;
  url?: string;
  categories: string[];
  /** ISO instant of the last change (DTSTAMP). */
  stamp: string;
}

const PRODID = '-//Rapport//Rapport calendar feed//EN';

/**
 * The feed as iCalendar text, written by ical.js from jCal (it escapes, folds lines at 75 octets and
 * ends lines with CRLF). jCal arrays instead of ICAL.Component objects: at 30,000 events the
 * component objects cost more than the text.
 */
export function renderFeed(events: FeedEvent[], options: { name: string; timezone: string }): string {
  const vevents = events.map((e) => {
    const props: unknown[] = [
      ['uid', {}, 'text', e.uid],
      ['dtstamp', {}, 'date-time', e.stamp.replace(/\.\d{3}Z$/, 'Z')],
      ['dtstart', {}, 'date', e.date],
      ['summary', {}, 'text', e.summary],
      ['categories', {}, 'text', ...e.categories],
      ['transp', {}, 'text', 'TRANSPARENT'],
    ];
    if (e.description) props.push(['description', {}, 'text', e.description]);
    if (e.url) props.push(['url', {}, 'uri', e.url]);
    return ['vevent', props, []];
  });
  const jcal = [
    'vcalendar',
    [
      ['version', {}, 'text', '2.0'],
      ['prodid', {}, 'text', PRODID],
      ['calscale', {}, 'text', 'GREGORIAN'],
      ['method', {}, 'text', 'PUBLISH'],
      ['x-wr-calname', {}, 'unknown', options.name],
      ['x-wr-timezone', {}, 'unknown', options.timezone],
      ['refresh-interval', { value: 'duration' }, 'duration', 'PT1H'],
      ['x-published-ttl', {}, 'unknown', 'PT1H'],
    ],
    vevents,
  ];
  return `${ICAL.stringify(jcal as Parameters<typeof ICAL.stringify>[0])}\r\n`;
}
