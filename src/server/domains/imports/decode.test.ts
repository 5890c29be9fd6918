import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';

/** A 64 KB read (the sample the encoding is told from), then the rest in one read. */
async function* reads(buf: Buffer) {
  yield buf.subarray(0, 64 * 1024);
  yield buf.subarray(64 * 1024);
}

async function decoded(buf: Buffer): Promise<{ encoding: string; chunks: string[] }> {
  const text = await decodeBytes(reads(buf));
  const chunks: string[] = [];
  for await (const chunk of text.chunks) chunks.push(chunk);
  return { encoding: text.encoding, chunks };
}

describe('decodeBytes', () => {
  it('decodes a large read as strings of at most 32 K characters (none in V8\'s large-object space), characters cut by a slice end kept whole', async () => {
    // Reads of 300 KB and more; a three-byte character (UTF-8) sits across 32 KB boundaries.
    const unit = 'a'.repeat(32 * 1024 - 2) + '€';
    const source = unit.repeat(12);
    for (const [encoding, buf] of [
      ['utf8', Buffer.from(source, 'utf8')],
      ['utf16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(source, 'utf16le')])],
    ] as const) {
      const out = await decoded(buf);
      expect(out.encoding).toBe(encoding);
      // The head (format detection) is the first read as one string; what follows comes in slices.
      expect(out.chunks[0]!.length).toBeLessThanOrEqual(64 * 1024);
      expect(out.chunks.slice(1).every((c) => c.length > 0 && c.length <= 32 * 1024)).toBe(true);
      expect(out.chunks.length).toBeGreaterThan(8);
      expect(out.chunks.join('').replace(/^\uFEFF/, '')).toBe(source);
    }
  });
});
