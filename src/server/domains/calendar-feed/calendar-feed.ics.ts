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
const CRLF = '\r\n';
/** Events per chunk: small enough that each chunk's garbage dies young. */
const BATCH = 250;

type JCal = Parameters<typeof ICAL.stringify>[0];

function vevent(e: FeedEvent): JCal {
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
  return ['vevent', props, []] as unknown as JCal;
}

/**
 * The feed as iCalendar text in chunks, written by ical.js from jCal (it escapes, folds lines at 75
 * octets and ends lines with CRLF). The calendar's own lines come from stringifying it without
 * events; each batch of events is stringified on its own and handed out at once, so 30,000 events
 * never sit in memory as one tree or one string (measured: the garbage collector, not the writing,
 * was the cost of building it whole).
 */
export function* feedChunks(events: Iterable<FeedEvent>, options: { name: string; timezone: string }): Generator<string> {
  const calendar = ICAL.stringify([
    'vcalendar',
    [
      ['version', {}, 'text', '2.0'],
      ['prodid', {}, 'text', PRODID],
      ['calscale', {}, 'text', 'GREGORIAN'],
      ['method', {}, 'text', 'PUBLISH'],
      ['x-wr-calname', {}, 'unknown', options.name],
      ['x-wr-timezone', {}, 'unknown', options.timezone],
      ['refresh-interval', {}, 'duration', 'PT1H'],
      ['x-published-ttl', {}, 'unknown', 'PT1H'],
    ],
    [],
  ] as unknown as JCal);
  const end = `END:VCALENDAR`;
  yield calendar.slice(0, calendar.lastIndexOf(end));
  let batch: string[] = [];
  for (const e of events) {
    // A component on its own comes back with its closing CRLF.
    batch.push(ICAL.stringify(vevent(e)));
    if (batch.length === BATCH) {
      yield batch.join('');
      batch = [];
    }
  }
  if (batch.length) yield batch.join('');
  yield end + CRLF;
}

/** The whole feed as one string (tests, small feeds). */
export function renderFeed(events: Iterable<FeedEvent>, options: { name: string; timezone: string }): string {
  return [...feedChunks(events, options)].join('');
}
