import type { StrengthDto, StrengthReasonDto, Trend } from '../../../contracts/strength';
import { depthWords } from './kinds';

/**
 * The relationship strength score: a pure function of a contact's stored aggregates and the time
 * now (docs/relationship-strength.md). Every factor is built so that time passing can only lower
 * the score and logging an interaction can only raise it: the property tests hold it to that.
 */

/** Per calendar month (UTC, "YYYY-MM"): [points, deepest kind, number of interactions]. */
export type MonthBuckets = Record<string, [number, number, number]>;

export interface StrengthAggregates {
  /** Last interaction of a kind that keeps a tie alive (kinds.ts). */
  lastMeaningfulAt: string | null;
  firstInteractionAt: string | null;
  lastInteractionAt: string | null;
  /** Interactions they started (or mutual) and that you started (or mutual), all time. */
  them: number;
  me: number;
  /** The last 12 months as of the last write. */
  months: MonthBuckets;
  /** The effective keep-in-touch cadence, for the words only. */
  cadenceDays: number | null;
}

export const WEIGHTS = { frequency: 40, recency: 20, depth: 15, reciprocity: 15, history: 10 } as const;
/** Points in 12 months that earn the full frequency weight: a one-to-one call or coffee every week. */
export const FULL_FREQUENCY_POINTS = 52 * 3;
const DAY = 86_400_000;

export function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
/** Windows already built, by month and length: every contact read in a month asks for the same two. */
const windows = new Map<number, readonly string[]>();

/**
 * The 12 calendar months ending with the month of `now`, oldest first. The array is shared (frozen):
 * a contact's strength is computed on every read, and building the keys was most of its cost.
 */
export function windowMonths(now: Date, count = 12): string[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const key = (y * 12 + m) * 100 + count;
  let window = windows.get(key);
  if (!window) {
    window = Object.freeze(
      Array.from({ length: count }, (_, i) => {
        const month = y * 12 + m - (count - 1) + i;
        return `${Math.floor(month / 12)}-${pad2((month % 12) + 1)}`;
      }),
    );
    if (windows.size > 64) windows.clear();
    windows.set(key, window);
  }
  return window as string[];
}

export function parseMonths(json: string | null | undefined): MonthBuckets {
  if (!json) return {};
  try {
    return JSON.parse(json) as MonthBuckets;
  } catch {
    return {};
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function durationWords(days: number): string {
  if (days >= 365) return plural(Math.floor(days / 365), 'year');
  if (days >= 60) return plural(Math.floor(days / 30), 'month');
  return plural(Math.max(0, Math.floor(days)), 'day');
}

export function bandOf(score: number): StrengthDto['band'] {
  if (score >= 80) return 'inner';
  if (score >= 60) return 'close';
  if (score >= 35) return 'friendly';
  if (score >= 15) return 'acquainted';
  return 'dormant';
}

export interface StrengthParts {
  frequency: number;
  recency: number;
  depth: number;
  reciprocity: number;
  history: number;
}

/** The score's parts, unrounded (what the property tests look at). */
export function strengthParts(a: StrengthAggregates, now: Date, halfLifeDays: number) {
  const window = windowMonths(now);
  let points = 0;
  let depth = 0;
  let count = 0;
  // The trend's two sums (trendFrom) come from the same lookups: its six months are this window's last six.
  let before = 0;
  let recent = 0;
  for (let i = 0; i < window.length; i++) {
    const bucket = a.months[window[i]!];
    if (!bucket) continue;
    points += bucket[0];
    depth = Math.max(depth, bucket[1]);
    count += bucket[2];
    if (i >= window.length - 6) {
      if (i < window.length - 3) before += bucket[0] ?? 0;
      else recent += bucket[0] ?? 0;
    }
  }
  const daysSince = a.lastMeaningfulAt === null ? null : Math.max(0, (now.getTime() - Date.parse(a.lastMeaningfulAt)) / DAY);
  const spanDays =
    a.firstInteractionAt && a.lastInteractionAt ? Math.max(0, (Date.parse(a.lastInteractionAt) - Date.parse(a.firstInteractionAt)) / DAY) : 0;
  const parts: StrengthParts = {
    frequency: WEIGHTS.frequency * Math.min(1, Math.log2(1 + points) / Math.log2(1 + FULL_FREQUENCY_POINTS)),
    recency: daysSince === null ? 0 : WEIGHTS.recency * 2 ** (-daysSince / halfLifeDays),
    depth: (WEIGHTS.depth * depth) / 4,
    // The smaller side: balance earns points, and one more interaction from either side never costs any.
    reciprocity: WEIGHTS.reciprocity * (1 - 2 ** (-Math.min(a.them, a.me) / 2)),
    history: WEIGHTS.history * Math.min(1, Math.log2(1 + spanDays) / Math.log2(366)),
  };
  return { parts, points, depth, count, daysSince, spanDays, window, before, recent };
}

/**
 * Rising or fading, from the points of the three months before the last three (`before`) and of the
 * last three (`recent`); overdue ties are fading.
 */
export function trendFrom(before: number, recent: number, a: StrengthAggregates, daysSince: number | null): Trend {
  if (recent >= before * 1.5 && recent - before >= 2) return 'rising';
  if (before >= recent * 2 && before - recent >= 2) return 'fading';
  if (a.cadenceDays && daysSince !== null && daysSince > a.cadenceDays * 1.5) return 'fading';
  return 'steady';
}

export function strengthOf(a: StrengthAggregates, now: Date, halfLifeDays: number): StrengthDto {
  const { parts, points, depth, count, daysSince, spanDays, before, recent } = strengthParts(a, now, halfLifeDays);
  const score = Math.max(0, Math.min(100, Math.round(parts.frequency + parts.recency + parts.depth + parts.reciprocity + parts.history)));
  const trend = trendFrom(before, recent, a, daysSince);
  const reason = (factor: StrengthReasonDto['factor'], value: number, text: string): StrengthReasonDto => ({
    factor,
    points: round1(value),
    max: factor === 'trend' ? 0 : WEIGHTS[factor],
    text,
  });
  const days = daysSince === null ? null : Math.floor(daysSince);
  const usually = a.cadenceDays ? `, usually every ${a.cadenceDays}` : '';
  const recencyText =
    days === null
      ? a.lastInteractionAt
        ? 'no one-to-one contact yet'
        : 'no contact yet'
      : days === 0
        ? `in touch today${usually}`
        : `no contact for ${plural(days, 'day')}${usually}`;
  const overdue = a.cadenceDays !== null && days !== null && days > a.cadenceDays;
  const reciprocityText =
    a.them + a.me === 0
      ? 'no record of who reaches out'
      : a.them === 0
        ? `you started all ${plural(a.me, 'conversation')}`
        : a.me === 0
          ? `they started all ${plural(a.them, 'conversation')}`
          : `they reached out ${plural(a.them, 'time')}, you ${plural(a.me, 'time')}`;
  const reasons = [
    reason('recency', parts.recency, recencyText),
    reason('frequency', parts.frequency, count === 0 ? 'no contact in the last 12 months' : `${plural(count, 'interaction')} in the last 12 months`),
    reason('depth', parts.depth, depth === 0 ? 'no conversation in the last 12 months' : `deepest contact this year: ${depthWords[depth] ?? 'messages'}`),
    reason('reciprocity', parts.reciprocity, reciprocityText),
    reason('history', parts.history, a.firstInteractionAt ? `in touch over ${durationWords(spanDays)}` : 'no shared history yet'),
    reason(
      'trend',
      0,
      trend === 'rising' ? 'more contact than in the three months before' : trend === 'fading' ? (overdue ? 'overdue for contact' : 'less contact than in the three months before') : 'steady contact',
    ),
  ];
  // Most telling first: an overdue or fading tie leads with recency and trend, a strong one with what carries it.
  const order = overdue || trend === 'fading' ? ['recency', 'trend'] : [];
  reasons.sort((x, y) => {
    const ox = order.indexOf(x.factor);
    const oy = order.indexOf(y.factor);
    if (ox !== oy) return (ox === -1 ? 99 : ox) - (oy === -1 ? 99 : oy);
    return y.points / (y.max || 1) - x.points / (x.max || 1);
  });
  return { score, band: bandOf(score), trend, reasons };
}
