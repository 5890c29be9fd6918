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
/** Bytes per chunk of the feed. */
const CHUNK_BYTES = 65_536;

/** TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return /[\\;,\r\n]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n') : value;
}

const nonAscii = /[^\x00-\x7f]/;

/**
 * One content line with its CRLF, folded (RFC 5545 3.1) so no line is longer than 75 octets: the
 * continuation lines start with a space, and a UTF-8 character is never split.
 */
export function line(content: string): string {
  const ascii = !nonAscii.test(content);
  if (ascii ? content.length <= 75 : content.length <= 25 || Buffer.byteLength(content) <= 75) return content + CRLF;
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

/** 2026-03-10T08:00:00.000Z -> 20260310T080000Z */
const dateTime = (iso: string) => `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;

function vevent(e: FeedEvent): string {
  let text =
    'BEGIN:VEVENT' + CRLF +
    line(`UID:${escapeText(e.uid)}`) +
    line(`DTSTAMP:${dateTime(e.stamp)}`) +
    line(`DTSTART;VALUE=DATE:${e.date.slice(0, 4)}${e.date.slice(5, 7)}${e.date.slice(8, 10)}`) +
    line(`SUMMARY:${escapeText(e.summary)}`) +
    line(`CATEGORIES:${e.categories.map(escapeText).join(',')}`) +
    'TRANSP:TRANSPARENT' + CRLF;
  if (e.description) text += line(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.url) text += line(`URL:${e.url}`);
  return text + 'END:VEVENT' + CRLF;
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
