import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean } from './candidate';

/** clean() as it was written before its fast path: every run of whitespace replaced, then trimmed. */
const reference = (v: string | null | undefined): string | null => {
  const t = v?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

describe('clean', () => {
  it('gives what replacing every whitespace run and trimming gives', () => {
    // Single spaces (the fast path), runs, tabs, line breaks, no-break and other Unicode spaces, at the ends too.
    const piece = fc.constantFrom('a', 'Bc', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', 'é', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (v) => {
        expect(clean(v)).toBe(reference(v));
      }),
      { numRuns: 3000 },
    );
    expect(clean(null)).toBeNull();
    expect(clean(undefined)).toBeNull();
    expect(clean('  Ada \t Lovelace\n')).toBe('Ada Lovelace');
  });
});
