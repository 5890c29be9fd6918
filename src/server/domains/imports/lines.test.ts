import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineSplitter } from './lines';

/** The lines of a text as one string would give them: CRLF, LF and a lone CR each end a line; no line after a final line end. */
function reference(text: string): { text: string; line: number }[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  return lines.map((t, i) => ({ text: t, line: i + 1 }));
}

function split(chunks: string[]): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = lineSplitter((text, line) => out.push({ text, line }));
  for (const chunk of chunks) lines.push(chunk);
  lines.end();
  return out;
}

/** The text cut at these offsets (empty chunks included). */
const cutAt = (text: string, cuts: number[]) => {
  const at = [0, ...cuts.map((c) => c % (text.length + 1)).sort((a, b) => a - b), text.length];
  return at.slice(1).map((end, i) => text.slice(at[i], end));
};

describe('lineSplitter', () => {
  it('gives the lines of the whole text, however it is cut into chunks (CRLF, LF, CR, a CRLF cut in two)', () => {
    expect(split(['a\r', '\nb\n', '\rc\r\r\n', 'd'])).toEqual(reference('a\r\nb\n\rc\r\r\nd'));
    expect(split(['', 'x\r', '', '\ny'])).toEqual([{ text: 'x', line: 1 }, { text: 'y', line: 2 }]);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\r', '\n', 'é'), maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        expect(split(cutAt(text, cuts))).toEqual(reference(text));
      }),
    );
  });
});
