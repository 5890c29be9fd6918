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
 * Streams the records after the header (csv-parse): each with the line it ends on. Blank lines are
 * no records. A file CSV cannot read (a quote never closed) is one error naming the line.
 */
export async function* csvRecords(chunks: AsyncIterable<string>, headerLine: number, delimiter: Delimiter): AsyncGenerator<{ line: number; cells: string[] }> {
  const parser = parse({
    delimiter,
    from_line: headerLine + 1,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    bom: true,
  });
  let failure: unknown;
  pipeline(Readable.from(chunks), parser, (error) => {
    if (error) failure = error;
  });
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (item.record.every((c) => c.trim() === '')) continue;
      yield { line: item.info.lines, cells: item.record };
    }
  } catch (error) {
    throw csvProblem(error);
  }
  if (failure) throw csvProblem(failure);
}

function csvProblem(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    return new AppError('validation', `The file cannot be read as CSV${line ? ` (line ${line})` : ''}: ${error.message.replace(/^Invalid [^:]*: /, '')}`);
  }
  return error;
}
