import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, dateIn } from './clock';

const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/St_Johns', 'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe'];
const instant = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });

describe('calendar dates', () => {
  it('dateIn gives the day luxon gives, for instants in UTC or with an offset, in any zone (DST included)', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), fc.constantFrom('Z', '+05:30', '-08:00', '.000Z'), (d, zone, form) => {
        const utc = DateTime.fromJSDate(d, { zone: 'UTC' });
        const iso = form === '.000Z' ? d.toISOString() : form === 'Z' ? `${utc.toFormat("yyyy-MM-dd'T'HH:mm:ss")}Z` : utc.setZone(`UTC${form}`).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
        expect(dateIn(iso, zone)).toBe(DateTime.fromISO(iso, { zone }).toISODate());
      }),
      { numRuns: 2000 },
    );
    // Local times without an offset are read in the zone, as before.
    expect(dateIn('2026-03-29T01:30:00', 'Europe/Berlin')).toBe('2026-03-29');
    expect(dateIn('2026-03-29', 'America/New_York')).toBe('2026-03-29');
    expect(dateIn('2026-03-28T23:30:00Z', 'Europe/Berlin')).toBe('2026-03-29');
  });

  it('addDays moves whole calendar days, across month, year and leap-day ends', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -800, max: 800 }), (d, days) => {
        const date = d.toISOString().slice(0, 10);
        expect(addDays(date, days)).toBe(DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate());
      }),
      { numRuns: 2000 },
    );
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', -29)).toBe('2026-02-28');
  });
});
