export interface Line {
  text: string;
  line: number;
}

/**
 * Splits decoded text into lines, whatever the line ends (CRLF, LF or a lone CR, even mixed), without
 * ever joining the chunks into one string. Line numbers start at 1. The lines of a chunk come together,
 * one await per chunk rather than per line: a vCard photo is a hundred base64 lines a card, and the
 * promises of an async generator per line were most of what reading a 50 MB file allocated.
 */
export async function* lineBatchesOf(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<Line[]> {
  let rest = '';
  let line = 0;
  let pendingCr = false;
  for await (const chunk of chunks) {
    let text = chunk;
    if (pendingCr && text.startsWith('\n')) text = text.slice(1);
    pendingCr = false;
    const batch: Line[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      batch.push({ text: rest + text.slice(start, i), line: ++line });
      rest = '';
      if (c === 13) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === 10) i++;
        } else pendingCr = true;
      }
      start = i + 1;
    }
    rest += text.slice(start);
    if (batch.length) yield batch;
  }
  if (rest) yield [{ text: rest, line: ++line }];
}

export async function* stringChunks(text: string, size = 65536): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
