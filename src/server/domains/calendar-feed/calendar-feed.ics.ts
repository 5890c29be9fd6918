/** An all-day event: the day is a calendar date in the owner's time zone, so it needs no TZID. */
export interface FeedEvent {
  uid: string;
  /** YYYY-MM-DD */
  date: string;
  summary: string;
  description?: string;
  url?: string;
  /** A frozen list (Object.freeze) is written once and its line reused. */
  categories: readonly string[];
  /** ISO instant of the last change (DTSTAMP). */
  stamp: string;
}

const PRODID = '-//Rapport//Rapport calendar feed//EN';
const CRLF = '\r\n';
/** Bytes per chunk of the feed. */
const CHUNK_BYTES = 65_536;

const needsEscape = /[\\;,\r\n]/;

/** TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return needsEscape.test(value) ? value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n') : value;
}

const nonAscii = /[^\x00-\x7f]/;

/**
 * One content line with its CRLF, folded (RFC 5545 3.1) so no line is longer than 75 octets: the
 * continuation lines start with a space, and a UTF-8 character is never split. Up to 25 UTF-16 code
 * units are at most 75 octets whatever they are.
 */
export function line(content: string): string {
  if (content.length <= 25) return content + CRLF;
  const ascii = !nonAscii.test(content);
  if (ascii ? content.length <= 75 : Buffer.byteLength(content) <= 75) return content + CRLF;
  if (ascii) {
    let out = content.slice(0, 75);
    for (let i = 75; i < content.length; i += 74) out += CRLF + ' ' + content.slice(i, i + 74);
    return out + CRLF;
  }
  let out = '';
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < content.length; ) {
    const cp = content.codePointAt(i)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      out += content.slice(start, i) + CRLF + ' ';
      start = i;
      octets = 0;
      limit = 74;
    }
    octets += size;
    i += cp > 0xffff ? 2 : 1;
  }
  return out + content.slice(start) + CRLF;
}

/**
 * Adds line(name + value) for an ASCII property name to an event's parts: the value alone is looked
 * at, and a line that needs no folding goes in as its three pieces, joined with the rest of the event.
 */
function property(parts: string[], name: string, value: string): void {
  const length = name.length + value.length;
  if (length <= 25 || (length <= 75 && !nonAscii.test(value))) parts.push(name, value, CRLF);
  else parts.push(line(name + value));
}

let lastInstant = '';
let lastDateTime = '';

/** 2026-03-10T08:00:00.000Z -> 20260310T080000Z (the last one is kept: birthdays and milestones share theirs). */
function dateTime(iso: string): string {
  if (iso !== lastInstant) {
    lastDateTime = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
    lastInstant = iso;
  }
  return lastDateTime;
}

/** The CATEGORIES line of each list of categories seen (the feed passes the same few lists). */
const categoryLines = new WeakMap<readonly string[], string>();

function categoriesLine(categories: readonly string[]): string {
  let text = categoryLines.get(categories);
  if (text === undefined) {
    text = line(`CATEGORIES:${categories.map(escapeText).join(',')}`);
    if (Object.isFrozen(categories)) categoryLines.set(categories, text);
  }
  return text;
}

const BEGIN_EVENT = `BEGIN:VEVENT${CRLF}`;
const TRANSPARENT = `TRANSP:TRANSPARENT${CRLF}`;
const END_EVENT = `END:VEVENT${CRLF}`;

/**
 * An event's text, joined once from its pieces: concatenating the lines built a tree of strings
 * that writing it then copied again (twice the garbage of the text itself).
 */
function vevent(e: FeedEvent, days: Map<string, string>): string {
  const parts = [BEGIN_EVENT];
  property(parts, 'UID:', escapeText(e.uid));
  property(parts, 'DTSTAMP:', dateTime(e.stamp));
  let day = days.get(e.date);
  if (day === undefined) days.set(e.date, (day = `${e.date.slice(0, 4)}${e.date.slice(5, 7)}${e.date.slice(8, 10)}`));
  property(parts, 'DTSTART;VALUE=DATE:', day);
  property(parts, 'SUMMARY:', escapeText(e.summary));
  parts.push(categoriesLine(e.categories), TRANSPARENT);
  if (e.description) property(parts, 'DESCRIPTION:', escapeText(e.description));
  if (e.url) property(parts, 'URL:', e.url);
  parts.push(END_EVENT);
  return parts.join('');
}

/**
 * The feed as iCalendar text in chunks of UTF-8, written directly (RFC 5545): TEXT values escaped
 * (backslash, semicolon, comma, newline), lines folded at 75 octets without splitting a UTF-8
 * character, CRLF line ends. The tests parse it back with ical.js. Each event's text is encoded into a
 * 64 KiB buffer as soon as it is written, and a full buffer is handed out: 30,000 events never sit in
 * memory as one string, and no long string is built only to be flattened and encoded again (concatenating
 * a batch of events and encoding it cost twice as much as writing them, docs/performance.md).
 */
export function* feedChunks(events: Iterable<FeedEvent>, options: { name: string; timezone: string }): Generator<Buffer> {
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let at = 0;
  /** Encodes the text after what is written; answers the full chunk it had to hand out first, if any. */
  const put = (text: string): Buffer | undefined => {
    let full: Buffer | undefined;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (at + text.length * 3 > buffer.length) {
      if (at > 0) full = buffer.subarray(0, at);
      buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, text.length * 3));
      at = 0;
    }
    at += buffer.write(text, at);
    return full;
  };
  put(
    line('BEGIN:VCALENDAR') +
      line('VERSION:2.0') +
      line(`PRODID:${escapeText(PRODID)}`) +
      line('CALSCALE:GREGORIAN') +
      line('METHOD:PUBLISH') +
      line(`X-WR-CALNAME:${escapeText(options.name)}`) +
      line(`X-WR-TIMEZONE:${escapeText(options.timezone)}`) +
      line('REFRESH-INTERVAL;VALUE=DURATION:PT1H') +
      line('X-PUBLISHED-TTL:PT1H'),
  );
  // A feed has a few hundred distinct days for tens of thousands of events.
  const days = new Map<string, string>();
  for (const e of events) {
    const full = put(vevent(e, days));
    if (full) yield full;
  }
  const full = put(`END:VCALENDAR${CRLF}`);
  if (full) yield full;
  yield buffer.subarray(0, at);
}

/** The whole feed as one string (tests, small feeds). */
export function renderFeed(events: Iterable<FeedEvent>, options: { name: string; timezone: string }): string {
  return Buffer.concat([...feedChunks(events, options)]).toString('utf8');
}
