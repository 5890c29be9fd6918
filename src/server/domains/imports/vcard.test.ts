import { randomUUID } from 'node:crypto';
import { getHeapSnapshot } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readVCards, vcardRows, type VCard } from './vcard';

/** Whether a heap snapshot (taken after a full collection: only what is still reachable) holds a string with these characters. */
async function heapHolds(marker: Buffer): Promise<boolean> {
  let tail = Buffer.alloc(0);
  let found = false;
  for await (const chunk of getHeapSnapshot()) {
    if (found) continue; // read to the end all the same
    const bytes = Buffer.concat([tail, Buffer.from(chunk as Buffer)]);
    found = bytes.includes(marker);
    tail = bytes.subarray(Math.max(0, bytes.length - marker.length));
  }
  return found;
}

/** One decoded chunk of 200 cards whose values and parameters are long enough to be slices (13 characters and more), after a line with the marker. */
function chunkWith(marker: Buffer): string {
  const lines = [`X-BEFORE-THE-FIRST-CARD:${marker.toString()}`];
  for (let i = 0; i < 200; i++)
    lines.push(
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:Person number ${i} of the test`,
      `EMAIL;TYPE=INTERNET:person${i}@retention.example`,
      `X-SOCIALPROFILE;TYPE=twitter;X-USER=handle-of-person-${i}:https://twitter.com/handle-of-person-${i}`,
      `NOTE:a note long enough to be a slice ${i}`,
      'END:VCARD',
    );
  return lines.join('\r\n') + '\r\n';
}

async function cardsOf(chunks: string[]): Promise<VCard[]> {
  const cards: VCard[] = [];
  for await (const item of readVCards(chunks)) if ('card' in item) cards.push(item.card);
  return cards;
}

describe('vCard reader', () => {
  it('reads the same rows however the text is cut into chunks (lines, folds and CRLF across the cuts; chunks larger than its 16 KB pieces)', async () => {
    const card = (i: number) =>
      `BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Jane ${i}\r\nFN:Jane ${i}\r\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:caf=C3=A9=\r\n au lait ${i}\r\nTITLE:a title folded\r\n  over two lines\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n /9j/4AAQSkZJRgABAQEASABIAAD\r\n AAAA\r\n\r\nEMAIL:jane${i}@example.com\nEND:VCARD\r`;
    const text = Array.from({ length: 400 }, (_, i) => card(i)).join('') + '\nBEGIN:VCARD\nFN:Never ended\n';
    expect(text.length).toBeGreaterThan(2 * 16 * 1024);
    const rowsOf = async (chunks: string[]) => {
      const rows = [];
      for await (const row of vcardRows(chunks)) rows.push(row);
      return rows;
    };
    const whole = await rowsOf([text]);
    expect(whole).toHaveLength(401);
    expect(whole[0]).toMatchObject({ line: 1, kind: 'contact', contact: { name: 'Jane 0', note: 'café au lait 0', title: 'a title folded over two lines', emails: ['jane0@example.com'] } });
    expect(whole.at(-1)).toEqual({ line: 5601, kind: 'failed', reason: 'card has no END:VCARD' });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: text.length }), { maxLength: 30 }), async (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), text.length];
        expect(await rowsOf(at.slice(1).map((end, i) => text.slice(at[i], end)))).toEqual(whole);
      }),
      { numRuns: 20 },
    );
  });

  it('keeps no slice of the text it reads: cards and the property heads it caches hold copies (a slice keeps its whole decoded chunk alive)', async () => {
    // The marker lives in the chunk only (as a Buffer here): the snapshot holds it only if the chunk is still reachable.
    const marker = Buffer.from(`M${randomUUID().replace(/-/g, '')}`);
    const cards = await cardsOf([chunkWith(marker)]);
    expect(cards).toHaveLength(200);
    expect(cards[7]!.properties.map((p) => p.value)).toContain('https://twitter.com/handle-of-person-7');
    /x/.test('x'); // V8 keeps the subject of the last RegExp match: not the reader's doing
    expect(await heapHolds(marker)).toBe(false);
    expect(cards).toHaveLength(200);

    // The check sees a chunk that a slice keeps alive.
    const slice = chunkWith(marker).slice(100, 140);
    expect(await heapHolds(marker)).toBe(true);
    expect(slice).toHaveLength(40);
  });
});
