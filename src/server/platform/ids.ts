import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

/**
 * The generator's random bits come from crypto in blocks of 4 KiB: the package's default source
 * refills 8 words at a time through WebCrypto (every third id or so), a cost every request paid
 * for its request id. Same generator (monotonic within the process), same strength of randomness.
 */
const words = new Uint32Array(1024);
let next = words.length;
const generator = new V7Generator({
  nextUint32: () => {
    if (next === words.length) {
      randomFillSync(words);
      next = 0;
    }
    return words[next++]!;
  },
});

/** Time-ordered ids (UUIDv7): unique across processes and naturally sorted by creation. */
export const newId = (): string => generator.generate().toString();

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isId = (value: string): boolean => uuidPattern.test(value);
