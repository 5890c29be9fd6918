import { goalLabels, type GoalMetric } from '../../../contracts/goals';
import type { InsightsDto } from '../../../contracts/insights';
import { circles } from '../../../contracts/contacts';
import type { Actor, Deps } from '../../platform/context';
import { interactionsSince } from '../goals/goals.repository';
import { goalService } from '../goals/goals.service';
import { addWeeks, currentWeekStart, startOfDayIso, weekOfInstant } from '../goals/weeks';
import { cachedSettings, effectiveCadence } from '../relationships/settings';
import { parseMonths, strengthOf } from '../relationships/strength';
import { contactsForStrength } from './insights.repository';

const FADING_LIMIT = 10;
const DAY = 86_400_000;
/** Strength bands of the distribution chart: 0-19, 20-39, 40-59, 60-79, 80-100. */
const bucketOf = (score: number) => Math.min(4, Math.floor(score / 20));

/**
 * Insights: interactions per week by kind, the strength distribution per circle, the strongest ties
 * that are fading (with the reason in words), and the goal streaks. Everything is computed from what
 * is stored; strength comes from the relationship engine's stored aggregates (no interaction scan).
 */
export function insightsService(deps: Deps) {
  const { database, clock } = deps;
  const goals = goalService(deps);
  const { db } = database;

  return {
    async get(actor: Actor, query: { weeks: number } = { weeks: 12 }): Promise<InsightsDto> {
      const tz = actor.timezone;
      const now = clock.now();
      const current = currentWeekStart(clock, tz);
      const first = addWeeks(current, 1 - query.weeks);
      const [interactions, contacts, settings, goalList] = await Promise.all([
        interactionsSince(db, actor.userId, startOfDayIso(first, tz)),
        contactsForStrength(db, actor.userId),
        cachedSettings(db, actor.userId),
        goals.list(actor),
      ]);

      const weeks = Array.from({ length: query.weeks }, (_, i) => ({ weekStart: addWeeks(first, i), total: 0, byKind: {} as Record<string, number> }));
      const index = new Map(weeks.map((w, i) => [w.weekStart, i]));
      const kinds = new Set<string>();
      for (const it of interactions) {
        const week = weeks[index.get(weekOfInstant(it.occurred_at, tz)) ?? -1];
        if (!week) continue;
        week.total++;
        week.byKind[it.kind] = (week.byKind[it.kind] ?? 0) + 1;
        kinds.add(it.kind);
      }

      const byCircle = new Map<string, { contacts: number; sum: number; buckets: number[] }>();
      for (const c of [...circles, 'none']) byCircle.set(c, { contacts: 0, sum: 0, buckets: [0, 0, 0, 0, 0] });
      const fading: (InsightsDto['fading'][number] & { score: number })[] = [];
      for (const c of contacts) {
        const strength = strengthOf(
          {
            lastMeaningfulAt: c.last_meaningful_at ?? null,
            firstInteractionAt: c.first_interaction_at ?? null,
            lastInteractionAt: c.last_interaction_at,
            them: Number(c.rel_them ?? 0),
            me: Number(c.rel_me ?? 0),
            months: parseMonths(c.rel_months),
            cadenceDays: effectiveCadence(c, settings),
          },
          now,
          settings.halfLifeDays,
        );
        const circle = byCircle.get(c.circle ?? 'none') ?? byCircle.get('none')!;
        circle.contacts++;
        circle.sum += strength.score;
        circle.buckets[bucketOf(strength.score)]!++;
        if (strength.trend === 'fading') {
          const last = c.last_interaction_at;
          fading.push({
            contactId: c.id,
            name: c.name,
            circle: c.circle,
            lastInteractionAt: last,
            daysSince: last ? Math.floor((now.getTime() - Date.parse(last)) / DAY) : null,
            // Both halves of the why: how long it has been, and what changed (less contact, or overdue).
            reason: ['recency', 'trend'].map((f) => strength.reasons.find((r) => r.factor === f)?.text).filter(Boolean).join('; ') || 'fading',
            score: strength.score,
          });
        }
      }
      fading.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));

      return {
        timezone: tz,
        kinds: [...kinds].sort(),
        interactionsPerWeek: weeks,
        circles: [...byCircle.entries()]
          .filter(([, v]) => v.contacts > 0)
          .map(([circle, v]) => ({ circle, contacts: v.contacts, averageStrength: Math.round((v.sum / v.contacts) * 10) / 10, buckets: v.buckets })),
        fading: fading.slice(0, FADING_LIMIT).map(({ score: _, ...f }) => f),
        goalStreaks: goalList.items.map((g) => ({ metric: g.metric, label: goalLabels[g.metric as GoalMetric], target: g.target, streak: g.streak, history: g.history })),
      };
    },
  };
}

export type InsightsService = ReturnType<typeof insightsService>;
