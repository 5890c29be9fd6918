import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crlfCount, csvRecords, type Delimiter } from './csv-read';

/**
 * What csvRecords read before its plain-record path: csv-parse alone, with the same options, its line
 * numbers less the CRLFs inside quoted cells so far (csv-parse counts each as two lines).
 */
async function csvParseOnly(chunks: string[], headerLine: number, delimiter: Delimiter): Promise<{ line: number; cells: string[] }[] | string> {
  const parser = parse({ delimiter, from_line: headerLine + 1, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, bom: true });
  let failure: unknown;
  pipeline(Readable.from(chunks), parser, (error) => {
    if (error) failure = error;
  });
  const out: { line: number; cells: string[] }[] = [];
  let doubled = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      doubled += crlfCount(item.record);
      if (item.record.every((c) => c.trim() === '')) continue;
      out.push({ line: item.info.lines - doubled, cells: item.record });
    }
  } catch (error) {
    return errorText(error, doubled);
  }
  return failure ? errorText(failure, doubled) : out;
}
const errorText = (error: unknown, doubled: number) => {
  const e = error as { lines?: number; message: string };
  const message = e.message.replace(/^Invalid [^:]*: /, '');
  return `line ${e.lines ? e.lines - doubled : e.lines}: ${doubled ? message.replace(/at line (\d+)/g, (_, n: string) => `at line ${Number(n) - doubled}`) : message}`;
};

async function read(chunks: string[], headerLine: number, delimiter: Delimiter, gather: number): Promise<{ line: number; cells: string[] }[] | string> {
  const out: { line: number; cells: string[] }[] = [];
  try {
    for await (const r of csvRecords(Readable.from(chunks), headerLine, delimiter, gather)) out.push(r);
  } catch (error) {
    // csvRecords wraps csv-parse's error: "The file cannot be read as CSV (line N): message"
    const m = /^The file cannot be read as CSV(?: \(line (\d+)\))?: (.*)$/s.exec((error as Error).message);
    return m ? `line ${m[1]}: ${m[2]}` : String(error);
  }
  return out;
}

const piece = fc.constantFrom('a', 'b c', ' ', '"', '""', ',', ';', '\t', '\r', '\n', '\r\n', '\r\n', '\r\n', '"x, y"', '\u00e9', '\uFEFF', '\uD83D\uDE00', '\uD800', '');
const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));
/** Plain exports: lines of bare or quoted cells, one kind of line end. */
const plain = fc
  .tuple(
    fc.constantFrom('\r\n', '\n', '\r'),
    fc.array(fc.array(fc.oneof(fc.constantFrom('', 'Ann', 'x y', 'a""b'), fc.string({ maxLength: 6 }).map((s) => s.replace(/["\r\n,;\t]/g, ''))).map((c) => (c.includes('""') ? `"${c}"` : c)), { maxLength: 5 }), { maxLength: 12 }),
    fc.boolean(),
  )
  .map(([eol, rows, last]) => rows.map((r) => r.join(',')).join(eol) + (last ? eol : ''));
const split = (s: string, cuts: number[]) => {
  const at = [...new Set(cuts.map((c) => c % (s.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of at) {
    out.push(s.slice(from, c));
    from = c;
  }
  out.push(s.slice(from));
  return out.filter((c) => c.length > 0);
};

describe('csvRecords', () => {
  it('reads every text as csv-parse does (records, line numbers, errors), however the text is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, plain), fc.integer({ min: 1, max: 3 }), fc.constantFrom<Delimiter>(',', ';', '\t'), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(1, 7, 65_536), async (s, headerLine, delimiter, cuts, gather) => {
        const chunks = split(s, cuts);
        expect(await read(chunks, headerLine, delimiter, gather)).toEqual(await csvParseOnly(chunks, headerLine, delimiter));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a LinkedIn export past its preamble, with quoted cells, and takes csv-parse past a line break inside a quoted cell', async () => {
    const file = 'Notes:\r\n"When exporting, some emails are missing."\r\n\r\nFirst Name,Last Name\r\nAnn,"Lee, Jr."\r\n"Bo ""B""",Ek\r\nCy,"two\r\nlines"\r\nDi,Fo\r\n';
    for (const gather of [1, 65_536]) {
      const records = await read([file.slice(0, 50), file.slice(50)], 4, ',', gather);
      expect(records).toEqual([
        { line: 5, cells: ['Ann', 'Lee, Jr.'] },
        { line: 6, cells: ['Bo "B"', 'Ek'] },
        // The record on lines 7-8 ends on line 8 (csv-parse alone counts its CRLF as two lines).
        { line: 8, cells: ['Cy', 'two\r\nlines'] },
        { line: 9, cells: ['Di', 'Fo'] },
      ]);
      expect(records).toEqual(await csvParseOnly([file], 4, ','));
    }
  });
});
