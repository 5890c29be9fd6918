import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../../platform/errors';

export type Delimiter = ',' | ';' | '\t';

/** Splits a line at `delimiter` outside double quotes (for sniffing the header only). */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

export function delimiterOf(headerLine: string): Delimiter {
  const counts = ([',', ';', '\t'] as const).map((d) => [d, countOutsideQuotes(headerLine, d)] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** The first lines of the head, split at any line end, with 1-based numbers. */
export function headLines(head: string, max = 200): string[] {
  return head.split(/\r\n|\n|\r/, max);
}

/**
 * Where the header is: the first line `isHeader` accepts within the first lines (LinkedIn puts a
 * "Notes:" preamble before it), else the first non-empty line.
 */
export function findHeader(head: string, isHeader?: (line: string) => boolean): { line: number; delimiter: Delimiter } | null {
  const lines = headLines(head);
  const index = isHeader ? lines.findIndex(isHeader) : lines.findIndex((l) => l.trim() !== '');
  if (index < 0) return null;
  return { line: index + 1, delimiter: delimiterOf(lines[index]!) };
}

/** The header's cells, read as CSV. */
export function headerCells(line: string, delimiter: Delimiter): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === delimiter && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out.map((h) => h.replace(/^\uFEFF/, ''));
}

/**
 * Streams the records after the header: each with the line it ends on. Blank lines are no records. A
 * file CSV cannot read (a quote never closed) is one error naming the line.
 *
 * csv-parse reads a LinkedIn export of 30,000 rows in ~300 ms of CPU (it turns the text back into
 * bytes and every field into a string again). Records in the plain form exports write (fields bare or
 * in double quotes with "" inside, no line break inside a field, one kind of line end) are read here
 * directly, with what csv-parse makes of them; at the first record that is anything else, csv-parse
 * takes over from that record on (from the start of the file when that is at or before the header),
 * so every other case is read exactly as before.
 */
export async function* csvRecords(
  chunks: AsyncIterable<string>,
  headerLine: number,
  delimiter: Delimiter,
  /** Text gathered before records are read from it (smaller in tests, to cross chunk ends often). */
  gather = 65_536,
): AsyncGenerator<{ line: number; cells: string[] }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const sep = delimiter.charCodeAt(0);
  /** Text read and not consumed yet; `prefix`: all text consumed while the header was not passed. */
  let text = '';
  let prefix = '';
  let ended = false;
  let line = 0;
  let eol: string | null = null;
  for (;;) {
    if (!ended) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else {
        text = text.length === 0 ? next.value : text + next.value;
        // A lone surrogate: csv-parse (which reads bytes) reads it as U+FFFD; it takes over from here.
        if (/\p{Cs}/u.test(next.value)) break;
      }
      if (!ended && text.length < gather) continue;
    }
    if (line === 0 && text.charCodeAt(0) === 0xfeff) break; // a BOM: csv-parse's own handling
    let pos = 0;
    let complex = false;
    for (;;) {
      const record = plainRecord(text, pos, sep, eol, ended);
      if (record === MORE) break;
      if (record === COMPLEX) {
        complex = true;
        break;
      }
      if (record.eol !== null) eol = record.eol;
      line++;
      if (line > headerLine && !record.cells.every((c) => c.trim() === '')) yield { line, cells: record.cells };
      pos = record.next;
      if (ended && pos >= text.length) break;
    }
    if (line <= headerLine) prefix += text.slice(0, pos);
    text = text.slice(pos);
    if (complex) break;
    if (ended) return;
  }
  // csv-parse from here on: from the file's start while the header was not passed, else from this record.
  const rest = (async function* () {
    yield line <= headerLine ? prefix + text : text;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  if (line <= headerLine) yield* parsedRecords(rest, { delimiter, from_line: headerLine + 1, bom: true }, 0);
  else yield* parsedRecords(rest, { delimiter, record_delimiter: eol!, bom: false }, line);
}

const MORE = 0;
const COMPLEX = 1;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * The plain record at `pos`, with where the next one starts and the line end it ended on (null at the
 * end of the file); MORE when the text ends before it does (and more is coming), COMPLEX when it is
 * not plain: a quote inside a bare field or after a closing quote, a line break in a quoted field, a
 * line end other than the file's first (`eol`), which csv-parse uses as the only record delimiter.
 */
function plainRecord(text: string, pos: number, sep: number, eol: string | null, ended: boolean): { cells: string[]; next: number; eol: string | null } | typeof MORE | typeof COMPLEX {
  const n = text.length;
  const cells: string[] = [];
  let i = pos;
  for (;;) {
    if (i < n && text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return ended ? COMPLEX : MORE;
        for (let k = from; k < q; k++) {
          const c = text.charCodeAt(k);
          if (c === CR || c === LF) return COMPLEX;
        }
        value += text.slice(from, q);
        if (q + 1 >= n && !ended) return MORE;
        if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      cells.push(value);
      if (i >= n) return { cells, next: i, eol: null };
      const c = text.charCodeAt(i);
      if (c === sep) {
        i++;
        continue;
      }
      if (c !== CR && c !== LF) return COMPLEX;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === sep || c === CR || c === LF || c === QUOTE) break;
        j++;
      }
      if (j >= n) {
        if (!ended) return MORE;
        cells.push(text.slice(i, j));
        return { cells, next: j, eol: null };
      }
      if (text.charCodeAt(j) === QUOTE) return COMPLEX;
      cells.push(text.slice(i, j));
      i = j;
      if (text.charCodeAt(j) === sep) {
        i++;
        continue;
      }
    }
    // A line end at i: the file's first decides which csv-parse takes as the record delimiter.
    if (i + 1 >= n && !ended) return MORE;
    const found = text.charCodeAt(i) === LF ? '\n' : text.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
    if (eol !== null && found !== eol) return COMPLEX;
    // After a lone CR, a LF would start the next record inside its first field.
    if (found === '\r' && i + 1 < n && text.charCodeAt(i + 1) === LF) return COMPLEX;
    return { cells, next: i + found.length, eol: found };
  }
}

/** csv-parse over `chunks`; `lines` is added to the line numbers it counts (the lines read before it). */
async function* parsedRecords(chunks: AsyncIterable<string>, options: { delimiter: Delimiter; from_line?: number; bom: boolean; record_delimiter?: string }, lines: number): AsyncGenerator<{ line: number; cells: string[] }> {
  const parser = parse({
    ...options,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  });
  let failure: unknown;
  pipeline(Readable.from(chunks), parser, (error) => {
    if (error) failure = error;
  });
  // csv-parse counts a CRLF inside a quoted cell as two lines; each one seen so far is taken off again.
  let doubled = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      doubled += crlfCount(item.record);
      if (item.record.every((c) => c.trim() === '')) continue;
      yield { line: lines + item.info.lines - doubled, cells: item.record };
    }
  } catch (error) {
    throw csvProblem(error, lines - doubled);
  }
  if (failure) throw csvProblem(failure, lines - doubled);
}

/** How many CRLF line ends the cells of a record hold. */
export function crlfCount(cells: string[]): number {
  let count = 0;
  for (const cell of cells) for (let at = cell.indexOf('\r\n'); at !== -1; at = cell.indexOf('\r\n', at + 2)) count++;
  return count;
}

function csvProblem(error: unknown, lines = 0): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof CsvError) {
    const at = (error as CsvError & { lines?: number }).lines;
    const line = at ? at + lines : at;
    const message = lines ? error.message.replace(/at line (\d+)/g, (_, n: string) => `at line ${Number(n) + lines}`) : error.message;
    return new AppError('validation', `The file cannot be read as CSV${line ? ` (line ${line})` : ''}: ${message.replace(/^Invalid [^:]*: /, '')}`);
  }
  return error;
}
