import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timestamptzToIso } from './pg-types';

/** The text PostgreSQL sends for a timestamptz in a UTC session (DateStyle ISO): no trailing zeros in the fraction. */
function postgresText(ms: number, micros: number): string {
  const iso = new Date(ms).toISOString();
  const fraction = (String(((ms % 1000) + 1000) % 1000).padStart(3, '0') + String(micros).padStart(3, '0')).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
}

describe('timestamptzToIso', () => {
  it('gives what Date gives for every UTC timestamp PostgreSQL prints', () => {
    const min = Date.UTC(1000, 0, 1);
    const max = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    fc.assert(
      fc.property(fc.integer({ min, max }), fc.integer({ min: 0, max: 999 }), fc.boolean(), (ms, micros, whole) => {
        const text = postgresText(whole ? ms - (((ms % 1000) + 1000) % 1000) : ms, whole ? 0 : micros);
        expect(timestamptzToIso(text)).toBe(new Date(text).toISOString());
      }),
      { numRuns: 5000 },
    );
  });

  it('falls back to Date for other zones and years', () => {
    for (const text of ['2026-11-25 13:00:00+01', '2026-11-25 12:00:00.5-03:30', '0050-01-01 00:00:00+00', '10000-01-01 00:00:00+00'])
      expect(timestamptzToIso(text)).toBe(new Date(text).toISOString());
    expect(timestamptzToIso('2026-11-25 12:00:00+00')).toBe('2026-11-25T12:00:00.000Z');
    expect(timestamptzToIso('2026-11-25 12:00:00.1239+00')).toBe('2026-11-25T12:00:00.123Z');
    expect(timestamptzToIso('2026-11-25 12:00:00.5+00')).toBe('2026-11-25T12:00:00.500Z');
  });
});
