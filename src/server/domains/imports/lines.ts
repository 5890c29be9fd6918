/**
 * Splits decoded text into lines, whatever the line ends (CRLF, LF or a lone CR, even mixed), without
 * ever joining the chunks into one string: `push` each chunk, then `end`. Each line goes to `onLine` as
 * it is found, with its number (from 1); a line cut by the end of a chunk comes with the next chunk.
 *
 * No object is made per line (a vCard photo is a hundred base64 lines a card). That is also about
 * memory: a line is a slice of its decoded chunk and keeps the chunk alive, and V8 may decide to allocate
 * the objects of a busy allocation site (such as a `{ text, line }` literal) directly in its old space
 * ("pretenuring"). Dead objects there are not collected before the next full collection and keep what
 * they point to alive through every scavenge until then: with per-line objects, every chunk of a 48 MB
 * file survived into the large-object space (peak RSS 325-345 MB instead of 236-240 MB, bimodal by
 * whether V8 pretenured that site).
 */
export function lineSplitter(onLine: (text: string, line: number) => void): { push(chunk: string): void; end(): void } {
  let rest = '';
  let line = 0;
  let pendingCr = false;
  return {
    push(chunk: string): void {
      if (chunk === '') return; // (a CR at the end of the last chunk may still have its LF to come)
      let start = 0;
      if (pendingCr && chunk.charCodeAt(0) === 10) start = 1;
      pendingCr = false;
      for (let i = start; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        const text = rest + chunk.slice(start, i);
        rest = '';
        if (c === 13) {
          if (i + 1 < chunk.length) {
            if (chunk.charCodeAt(i + 1) === 10) i++;
          } else pendingCr = true;
        }
        start = i + 1;
        onLine(text, ++line);
      }
      rest += chunk.slice(start);
    },
    end(): void {
      const text = rest;
      rest = '';
      if (text) onLine(text, ++line);
    },
  };
}

export async function* stringChunks(text: string, size = 65536): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
