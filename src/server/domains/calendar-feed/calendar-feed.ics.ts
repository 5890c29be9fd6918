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
 * line(name + value) for an ASCII property name: the value alone is looked at, so the joined text
 * is not built (and copied) only to be looked at.
 */
function property(name: string, value: string): string {
  const length = name.length + value.length;
  return length <= 25 || (length <= 75 && !nonAscii.test(value)) ? name + value + CRLF : line(name + value);
}

/** 2026-03-10T08:00:00.000Z -> 20260310T080000Z */
const dateTime = (iso: string) => `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;

/** The CATEGORIES line of each list of categories seen (the feed passes the same few lists). */
const categoryLines = new WeakMap<readonly string[], string>();

function categoriesLine(categories: readonly string[]): string {
  let text = categoryLines.get(categories);
  if (text === undefined) {
    text = property('CATEGORIES:', categories.map(escapeText).join(','));
    if (Object.isFrozen(categories)) categoryLines.set(categories, text);
  }
  return text;
}

const BEGIN_EVENT = `BEGIN:VEVENT${CRLF}`;
const TRANSPARENT = `TRANSP:TRANSPARENT${CRLF}`;
const END_EVENT = `END:VEVENT${CRLF}`;

function vevent(e: FeedEvent): string {
  let text =
    BEGIN_EVENT +
    property('UID:', escapeText(e.uid)) +
    property('DTSTAMP:', dateTime(e.stamp)) +
    property('DTSTART;VALUE=DATE:', `${e.date.slice(0, 4)}${e.date.slice(5, 7)}${e.date.slice(8, 10)}`) +
    property('SUMMARY:', escapeText(e.summary)) +
    categoriesLine(e.categories) +
    TRANSPARENT;
  if (e.description) text += property('DESCRIPTION:', escapeText(e.description));
  if (e.url) text += property('URL:', e.url);
  return text + END_EVENT;
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
  for (const e of events) {
    const full = put(vevent(e));
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
