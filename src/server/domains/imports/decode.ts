import { createHash } from 'node:crypto';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../platform/errors';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const SAMPLE_BYTES = 64 * 1024;
/**
 * Bytes decoded into one string. V8 puts a string over 128 KB in its large-object space, which only a
 * full collection frees (a scavenge promotes one that is still in use there), and a 256 KB file-stream
 * chunk decodes to a 256 KB (two-byte text: 512 KB) string; 32 KB gives at most 64 KB, which a scavenge
 * frees once read.
 */
const DECODE_BYTES = 32 * 1024;

export interface DecodedText {
  /** The encoding the bytes were read as (iconv-lite name). */
  encoding: string;
  /** The first decoded part of the file (up to 64 KiB of bytes), for format detection. */
  head: string;
  /** Every decoded chunk, head first; reading it twice is an error. */
  chunks: AsyncIterable<string>;
  /** SHA-256 of the bytes read so far (all of them once `chunks` is done). */
  fingerprint(): string;
}

const notText = () => new AppError('validation', 'The file is not a text file (it looks binary); export contacts as CSV, vCard (.vcf) or iCalendar (.ics)');

/** Which encoding these first bytes are in: a BOM, else UTF-16 by its zero bytes, else UTF-8 if valid, else the detector's guess. */
export function detectEncoding(sample: Buffer, complete: boolean): string {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
  const pairs = Math.floor(sample.length / 2);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  if (pairs > 0 && zeroOdd > pairs * 0.3 && zeroEven <= zeroOdd / 20) return 'utf16le';
  if (pairs > 0 && zeroEven > pairs * 0.3 && zeroOdd <= zeroEven / 20) return 'utf16be';
  if (zeroEven + zeroOdd > 0 || sample.includes(0)) throw notText();
  if (isUtf8(sample, complete)) return 'utf8';
  const guess = chardet.detect(sample);
  if (!guess || /^ISO-8859-1$|^ASCII$/i.test(guess)) return 'windows-1252';
  return iconv.encodingExists(guess) && !/^UTF-(16|32)/i.test(guess) ? guess.toLowerCase() : 'windows-1252';
}

function isUtf8(sample: Buffer, complete: boolean): boolean {
  let end = sample.length;
  if (!complete) {
    // Don't judge a character cut in half by the end of the sample.
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1]! & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && sample[end - back - 1]! >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** The bytes as a Buffer, without copying them (a file stream's chunks are Buffers already). */
const asBuffer = (bytes: Buffer | Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/**
 * Reads bytes as text in their own encoding, chunk by chunk (the file is never one string), and
 * refuses more than `maxBytes`. `forceEncoding` skips detection.
 */
export async function decodeBytes(bytes: AsyncIterable<Buffer | Uint8Array>, options: { maxBytes?: number; forceEncoding?: string } = {}): Promise<DecodedText> {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const hash = createHash('sha256');
  const iterator = bytes[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let total = 0;
  let done = false;
  const tooBig = () => new AppError('payload_too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  while (total < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const buf = asBuffer(next.value);
    parts.push(buf);
    total += buf.length;
    hash.update(buf);
    if (total > maxBytes) throw tooBig();
  }
  const sample = Buffer.concat(parts);
  if (options.forceEncoding && !iconv.encodingExists(options.forceEncoding)) throw new AppError('validation', `encoding: "${options.forceEncoding}" is not an encoding Rapport knows`);
  const encoding = options.forceEncoding ?? detectEncoding(sample, done);
  const decoder = iconv.getDecoder(encoding);
  const head = decoder.write(sample);
  let used = false;
  async function* chunks(): AsyncGenerator<string> {
    if (used) throw new Error('decoded text can be read once');
    used = true;
    yield head;
    while (!done) {
      const next = await iterator.next();
      if (next.done) break;
      const buf = asBuffer(next.value);
      total += buf.length;
      if (total > maxBytes) throw tooBig();
      hash.update(buf);
      for (let i = 0; i < buf.length; i += DECODE_BYTES) {
        const text = decoder.write(buf.subarray(i, i + DECODE_BYTES));
        if (text) yield text;
      }
    }
    const tail = decoder.end();
    if (tail) yield tail;
  }
  return { encoding, head, chunks: chunks(), fingerprint: () => hash.copy().digest('hex') };
}
