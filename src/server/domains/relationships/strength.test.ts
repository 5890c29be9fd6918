import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interactionKinds, initiators, type InteractionKind } from '../../../contracts/interactions';
import { kindProfiles } from './kinds';
import { monthKey, strengthOf, trendFrom, windowMonths, type MonthBuckets, type StrengthAggregates } from './strength';

/** The trend from its own six months, looked up apart from the score's (what strengthOf must agree with). */
function trendOf(a: StrengthAggregates, now: Date, daysSince: number | null) {
  const window = windowMonths(now, 6);
  const sum = (keys: string[]) => keys.reduce((s, k) => s + (a.months[k]?.[0] ?? 0), 0);
  return trendFrom(sum(window.slice(0, 3)), sum(window.slice(3)), a, daysSince);
}

interface Logged {
  kind: InteractionKind;
  at: number;
  initiatedBy: (typeof initiators)[number] | null;
}

/** The aggregation of aggregates.ts, in memory: what a write stores for these interactions at `writtenAt`. */
function aggregate(list: Logged[], writtenAt: Date, cadenceDays: number | null): StrengthAggregates {
  const window = new Set(windowMonths(writtenAt));
  const months: MonthBuckets = {};
  let lastMeaningful: number | null = null;
  for (const i of list) {
    const p = kindProfiles[i.kind];
    if (p.meaningful) lastMeaningful = Math.max(lastMeaningful ?? -Infinity, i.at);
    const key = monthKey(new Date(i.at));
    if (!window.has(key)) continue;
    const b = (months[key] ??= [0, 0, 0]);
    b[0] += p.points;
    b[1] = Math.max(b[1], p.depth);
    b[2] += 1;
  }
  const times = list.map((i) => i.at);
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    lastMeaningfulAt: iso(lastMeaningful),
    firstInteractionAt: iso(times.length ? Math.min(...times) : null),
    lastInteractionAt: iso(times.length ? Math.max(...times) : null),
    them: list.filter((i) => i.initiatedBy === 'them' || i.initiatedBy === 'mutual').length,
    me: list.filter((i) => i.initiatedBy === 'me' || i.initiatedBy === 'mutual').length,
    months,
    cadenceDays,
  };
}

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-15T12:00:00Z');
const interaction = fc.record({
  kind: fc.constantFrom(...interactionKinds),
  // Up to three years back, and never after the moment of writing.
  at: fc.integer({ min: NOW - 3 * 365 * DAY, max: NOW }),
  initiatedBy: fc.constantFrom(...initiators, null),
});
const history = fc.array(interaction, { maxLength: 40 });
const cadence = fc.constantFrom(null, 7, 30, 90, 365);
const halfLife = fc.integer({ min: 1, max: 365 });

describe('relationship strength', () => {
  it('never increases when the only change is time passing', () => {
    fc.assert(
      fc.property(history, cadence, halfLife, fc.integer({ min: 0, max: 800 * DAY }), fc.integer({ min: 0, max: 800 * DAY }), (list, c, h, d1, d2) => {
        const a = aggregate(list, new Date(NOW), c);
        const earlier = strengthOf(a, new Date(NOW + Math.min(d1, d2)), h).score;
        const later = strengthOf(a, new Date(NOW + Math.max(d1, d2)), h).score;
        expect(later).toBeLessThanOrEqual(earlier);
      }),
      { numRuns: 500 },
    );
  });

  it('never decreases when an interaction is added', () => {
    fc.assert(
      fc.property(history, interaction, cadence, halfLife, fc.integer({ min: 0, max: 400 * DAY }), (list, extra, c, h, later) => {
        const now = new Date(NOW);
        const read = new Date(NOW + later);
        const before = strengthOf(aggregate(list, now, c), read, h).score;
        const after = strengthOf(aggregate([...list, extra], now, c), read, h).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('stays within 0..100 and explains itself', () => {
    fc.assert(
      fc.property(history, cadence, halfLife, (list, c, h) => {
        const s = strengthOf(aggregate(list, new Date(NOW), c), new Date(NOW), h);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(100);
        expect(s.reasons.map((r) => r.factor).sort()).toEqual(['depth', 'frequency', 'history', 'recency', 'reciprocity', 'trend']);
      }),
    );
  });

  it('scores a weekly coffee with a balanced friend as inner, and says why a silent tie is fading', () => {
    const weekly: Logged[] = Array.from({ length: 52 }, (_, i) => ({ kind: 'coffee_chat', at: NOW - i * 7 * DAY, initiatedBy: i % 2 ? 'me' : 'them' }));
    const strong = strengthOf(aggregate(weekly, new Date(NOW), 7), new Date(NOW), 30);
    expect(strong.score).toBeGreaterThanOrEqual(80);
    expect(strong.band).toBe('inner');

    const quiet: Logged[] = [
      { kind: 'call', at: NOW - 300 * DAY, initiatedBy: 'me' },
      { kind: 'video_call', at: NOW - 200 * DAY, initiatedBy: 'them' },
      { kind: 'coffee_chat', at: NOW - 94 * DAY, initiatedBy: 'me' },
    ];
    const fading = strengthOf(aggregate(quiet, new Date(NOW), 30), new Date(NOW), 30);
    expect(fading.trend).toBe('fading');
    expect(fading.reasons[0]).toMatchObject({ factor: 'recency', text: 'no contact for 94 days, usually every 30' });
    expect(fading.reasons[1]).toMatchObject({ factor: 'trend', text: 'overdue for contact' });
    expect(fading.reasons.find((r) => r.factor === 'reciprocity')?.text).toBe('they reached out 1 time, you 2 times');
    expect(fading.score).toBeLessThan(strong.score);

    const nobody = strengthOf(aggregate([], new Date(NOW), null), new Date(NOW), 30);
    expect(nobody).toMatchObject({ score: 0, band: 'dormant', trend: 'steady' });
    expect(nobody.reasons.find((r) => r.factor === 'recency')?.text).toBe('no contact yet');
  });

  it('halves the recency points every half-life', () => {
    const a = aggregate([{ kind: 'social', at: NOW - 400 * DAY, initiatedBy: null }, { kind: 'message', at: NOW, initiatedBy: null }], new Date(NOW), null);
    const recency = (days: number, h: number) => strengthOf(a, new Date(NOW + days * DAY), h).reasons.find((r) => r.factor === 'recency')!.points;
    expect(recency(0, 30)).toBe(20);
    expect(recency(30, 30)).toBe(10);
    expect(recency(60, 30)).toBe(5);
    expect(recency(60, 60)).toBe(10);
  });

  it('calls a tie rising when the last three months saw more than the three before', () => {
    const list: Logged[] = [
      { kind: 'message', at: NOW - 150 * DAY, initiatedBy: 'me' },
      ...Array.from({ length: 4 }, (_, i) => ({ kind: 'video_call' as const, at: NOW - i * 10 * DAY, initiatedBy: 'them' as const })),
    ];
    expect(strengthOf(aggregate(list, new Date(NOW), 30), new Date(NOW), 30).trend).toBe('rising');
  });

  it("gives the trend trendOf gives (strengthOf takes its sums from the score's own month lookups)", () => {
    fc.assert(
      fc.property(history, cadence, halfLife, fc.integer({ min: 0, max: 400 * DAY }), (list, c, h, later) => {
        const a = aggregate(list, new Date(NOW), c);
        const now = new Date(NOW + later);
        const daysSince = a.lastMeaningfulAt === null ? null : Math.max(0, (now.getTime() - Date.parse(a.lastMeaningfulAt)) / DAY);
        expect(strengthOf(a, now, h).trend).toBe(trendOf(a, now, daysSince));
      }),
      { numRuns: 500 },
    );
    // A stored bucket without points counts as none, as in trendOf.
    const odd = { ...aggregate([], new Date(NOW), null), months: { '2026-06': [null, 0, 0] } } as unknown as StrengthAggregates;
    expect(strengthOf(odd, new Date(NOW), 30).trend).toBe(trendOf(odd, new Date(NOW), null));
  });
});
