import { AppError } from '../../platform/errors';
import type { ContactCandidate, ImportRow } from './candidate';
import { cellReader } from './csv-common';
import { guessColumnMap, mappedCandidate, parseColumnMap, type ColumnMap } from './csv-generic';
import { googleCandidate, isGoogleHeader } from './csv-google';
import { isLinkedinHeader, isLinkedinHeaderLine, linkedinCandidate } from './csv-linkedin';
import { isOutlookHeader, outlookCandidate } from './csv-outlook';
import { csvRecords, findHeader, headerCells } from './csv-read';
import { decodeBytes } from './decode';
import { icalendarRows, type CalendarWindow } from './icalendar';
import { vcardRows } from './vcard';

export const importFormats = ['linkedin', 'google', 'outlook', 'csv', 'vcard', 'icalendar'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface OpenedImport {
  format: ImportFormat;
  encoding: string;
  /** CSV only: the header and the mapping in use (guessed unless given). */
  headers: string[] | null;
  columnMap: ColumnMap | null;
  rows: AsyncIterable<ImportRow>;
  fingerprint(): string;
}

export interface OpenOptions {
  format?: ImportFormat;
  map?: string | ColumnMap;
  window: CalendarWindow;
  maxBytes?: number;
}

const firstContent = (head: string) => head.replace(/^\uFEFF/, '').replace(/^\s+/, '').slice(0, 40).toUpperCase();
const formatNames: Record<ImportFormat, string> = {
  linkedin: 'a LinkedIn Connections.csv',
  google: 'a Google Contacts CSV',
  outlook: 'an Outlook CSV',
  csv: 'a CSV file',
  vcard: 'a vCard file',
  icalendar: 'an iCalendar file',
};

/** What the first bytes say the file is. */
export function detectFormat(head: string): ImportFormat {
  const start = firstContent(head);
  if (start.startsWith('BEGIN:VCARD')) return 'vcard';
  if (start.startsWith('BEGIN:VCALENDAR')) return 'icalendar';
  if (findHeader(head, isLinkedinHeaderLine)) return 'linkedin';
  const header = findHeader(head);
  if (!header) throw new AppError('validation', 'The file is empty');
  const cells = headerCells(head.split(/\r\n|\n|\r/)[header.line - 1]!, header.delimiter);
  if (isGoogleHeader(cells)) return 'google';
  if (isOutlookHeader(cells)) return 'outlook';
  return 'csv';
}

/**
 * Opens an import: reads the encoding and the format (or checks the one claimed), then streams its
 * rows. A file that is not what it claims fails here, before anything is read further.
 */
export async function openImport(bytes: AsyncIterable<Buffer | Uint8Array>, options: OpenOptions): Promise<OpenedImport> {
  const text = await decodeBytes(bytes, { maxBytes: options.maxBytes });
  if (text.head.trim() === '') throw new AppError('validation', 'The file is empty');
  const detected = detectFormat(text.head);
  const format = options.format ?? detected;
  const mismatch = () =>
    new AppError('validation', `The file is not ${formatNames[format]}: it looks like ${formatNames[detected]}`, [{ path: 'format', message: `the file is not ${formatNames[format]}` }]);
  const base = { format, encoding: text.encoding, fingerprint: text.fingerprint };

  if (format === 'vcard') {
    if (detected !== 'vcard') throw mismatch();
    return { ...base, headers: null, columnMap: null, rows: vcardRows(text.chunks) };
  }
  if (format === 'icalendar') {
    if (detected !== 'icalendar') throw mismatch();
    // iCalendar needs the whole calendar (time zones, exceptions): read into one string, once.
    let all = '';
    for await (const chunk of text.chunks) all += chunk;
    const window = options.window;
    return {
      ...base,
      headers: null,
      columnMap: null,
      rows: (async function* () {
        yield* icalendarRows(all, window);
      })(),
    };
  }
  if (detected === 'vcard' || detected === 'icalendar') throw mismatch();

  const header = format === 'linkedin' ? findHeader(text.head, isLinkedinHeaderLine) : findHeader(text.head);
  if (!header) throw mismatch();
  const headers = headerCells(text.head.split(/\r\n|\n|\r/)[header.line - 1]!, header.delimiter);
  let toCandidate: (cells: string[]) => ContactCandidate;
  let columnMap: ColumnMap | null = null;
  const reader = cellReader(headers);
  if (format === 'linkedin') {
    if (!isLinkedinHeader(headers)) throw mismatch();
    toCandidate = (cells) => linkedinCandidate(reader.of(cells));
  } else if (format === 'google') {
    if (!isGoogleHeader(headers)) throw mismatch();
    toCandidate = (cells) => googleCandidate(reader.of(cells));
  } else if (format === 'outlook') {
    if (!isOutlookHeader(headers)) throw mismatch();
    toCandidate = (cells) => outlookCandidate(reader.of(cells));
  } else {
    const map = options.map ? parseColumnMap(options.map, headers) : guessColumnMap(headers);
    const fields = new Set(Object.values(map));
    if (!['name', 'givenName', 'familyName', 'email'].some((f) => fields.has(f as never)))
      throw new AppError(
        'validation',
        `No column of this CSV is a name or an email; map the columns, e.g. --map "${headers[0] ?? 'Column'}=name" (columns: ${headers.slice(0, 20).join(', ')})`,
        [{ path: 'map', message: 'map at least a name or an email column' }],
      );
    columnMap = map;
    toCandidate = (cells) => mappedCandidate(headers, cells, map);
  }
  const make = toCandidate;
  return {
    ...base,
    headers,
    columnMap,
    rows: (async function* () {
      for await (const { line, cells } of csvRecords(text.chunks, header.line, header.delimiter)) yield { line, kind: 'contact' as const, contact: make(cells) };
    })(),
  };
}
