import { goalLabels, type GoalCreateInput, type GoalDto, type GoalListDto, type GoalMetric, type GoalUpdateInput, type ReviewDto } from '../../../contracts/goals';
import { addDays, nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { WeeklyGoalTable } from '../../db/schema';
import { countsBetween, kudosGivenDaysSince } from '../appreciation/appreciation.repository';
import { contributionDaysSince, contributionsBetween } from '../communities/communities.repository';
import { toFollowUpDto } from '../follow-ups/follow-ups.service';
import { listMilestoneOccurrences } from '../milestones/milestones.repository';
import * as repo from './goals.repository';
import { addWeeks, countByWeek, currentWeekStart, startOfDayIso, streakOf, weekEndOf, weekInstants, weekOfInstant, weekStartOf } from './weeks';

/** Longest look-back for streaks and history, in weeks. */
export const MAX_STREAK_WEEKS = 52;
const HISTORY_WEEKS = 8;

/**
 * Weekly goals (strategy 7: be proactive and consistent) and the weekly review. Progress is computed
 * from what was logged, never stored: reach-outs are interactions you initiated, new connections are
 * contacts added, kudos given are kudos you gave, community contributions are the contributions recorded in
 * your communities (by the day they happened). A streak uses the goal's current target for every week.
 */
export function goalService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;

  /** Per-week counts of one metric, from `fromWeek` on, in the actor's time zone. */
  async function weeklyCounts(actor: Actor, metric: GoalMetric, fromWeek: string): Promise<Map<string, number>> {
    const tz = actor.timezone;
    const from = startOfDayIso(fromWeek, tz);
    if (metric === 'reach_outs') return countByWeek((await repo.reachOutTimesSince(db, actor.userId, from)).map((t) => weekOfInstant(t, tz)));
    if (metric === 'new_connections') return countByWeek((await repo.contactCreationsSince(db, actor.userId, from)).map((t) => weekOfInstant(t, tz)));
    if (metric === 'community_contributions') return countByWeek((await contributionDaysSince(db, actor.userId, fromWeek)).map(weekStartOf));
    return countByWeek((await kudosGivenDaysSince(db, actor.userId, fromWeek)).map(weekStartOf));
  }

  async function progressOf(actor: Actor, goals: WeeklyGoalTable[]): Promise<GoalDto[]> {
    const current = currentWeekStart(clock, actor.timezone);
    const earliest = addWeeks(current, -MAX_STREAK_WEEKS);
    const counts = new Map<string, Map<string, number>>();
    for (const metric of new Set(goals.map((g) => g.metric as GoalMetric))) counts.set(metric, await weeklyCounts(actor, metric, earliest));
    return goals.map((goal) => {
      const byWeek = counts.get(goal.metric)!;
      const createdWeek = weekOfInstant(goal.created_at, actor.timezone);
      const firstWeek = createdWeek > earliest ? createdWeek : earliest;
      const thisWeek = byWeek.get(current) ?? 0;
      const history = Array.from({ length: HISTORY_WEEKS }, (_, i) => {
        const weekStart = addWeeks(current, i - HISTORY_WEEKS + 1);
        const count = byWeek.get(weekStart) ?? 0;
        return { weekStart, count, met: count >= goal.target };
      });
      return {
        id: goal.id,
        metric: goal.metric as GoalMetric,
        label: goalLabels[goal.metric as GoalMetric],
        target: goal.target,
        thisWeek,
        met: thisWeek >= goal.target,
        streak: streakOf(byWeek, goal.target, current, firstWeek),
        history,
        createdAt: goal.created_at,
        updatedAt: goal.updated_at,
      };
    });
  }

  async function get(actor: Actor, id: string): Promise<GoalDto> {
    const goal = await repo.findGoal(db, actor.userId, id);
    if (!goal) throw notFound('Goal');
    return (await progressOf(actor, [goal]))[0]!;
  }

  return {
    get,

    async list(actor: Actor): Promise<GoalListDto> {
      const weekStart = currentWeekStart(clock, actor.timezone);
      return { weekStart, weekEnd: weekEndOf(weekStart), timezone: actor.timezone, items: await progressOf(actor, await repo.listGoals(db, actor.userId)) };
    },

    async create(actor: Actor, input: GoalCreateInput): Promise<GoalDto> {
      const now = nowIso(clock);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        if (await repo.findGoalByMetric(trx, actor.userId, input.metric))
          throw new AppError('conflict', `metric: you already have a ${goalLabels[input.metric].toLowerCase()} goal; change its target instead`, [
            { path: 'metric', message: 'already has a goal' },
          ]);
        await repo.insertGoal(trx, { id, owner_id: actor.userId, metric: input.metric, target: input.target, created_at: now, updated_at: now });
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: GoalUpdateInput): Promise<GoalDto> {
      if (!(await repo.findGoal(db, actor.userId, id))) throw notFound('Goal');
      await repo.updateGoal(db, actor.userId, id, { target: input.target, updated_at: nowIso(clock) });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      if (!(await repo.findGoal(db, actor.userId, id))) throw notFound('Goal');
      await repo.deleteGoal(db, actor.userId, id);
    },

    /**
     * The weekly review: what happened in a complete week (the last one unless `week` names a day of
     * another) and what is coming in the seven days from today.
     */
    async review(actor: Actor, query: { week?: string } = {}): Promise<ReviewDto> {
      const tz = actor.timezone;
      const today = todayIn(clock, tz);
      const start = query.week ? weekStartOf(query.week) : addWeeks(weekStartOf(today), -1);
      const { from, to } = weekInstants(start, tz);
      const end = weekEndOf(start);
      const [kinds, newContacts, followUpsDone, appreciation, goals, contributions] = await Promise.all([
        repo.interactionCounts(db, actor.userId, from, to),
        repo.contactsCreatedBetween(db, actor.userId, from, to),
        repo.followUpsDoneBetween(db, actor.userId, from, to),
        countsBetween(db, actor.userId, start, end),
        repo.listGoals(db, actor.userId),
        contributionsBetween(db, actor.userId, start, end),
      ]);
      const interactionsByKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
      const reachOuts = kinds.reduce((sum, k) => sum + k.mine, 0);
      const kudosGiven = appreciation.kudos_given ?? 0;
      const countOf: Record<GoalMetric, number> = { reach_outs: reachOuts, new_connections: newContacts, kudos_given: kudosGiven, community_contributions: contributions };

      const aheadEnd = addDays(today, 6);
      const [due, overdue, occurrences] = await Promise.all([
        repo.openFollowUpsBetween(db, actor.userId, today, aheadEnd, 100),
        repo.openFollowUpsBefore(db, actor.userId, today),
        listMilestoneOccurrences(db, actor.userId, today, aheadEnd),
      ]);
      const toMilestone = (o: (typeof occurrences)[number]) => ({ contactId: o.contactId, contactName: o.contactName, kind: o.kind, title: o.title, on: o.date });
      return {
        timezone: tz,
        lastWeek: {
          start,
          end,
          interactions: kinds.reduce((sum, k) => sum + k.n, 0),
          interactionsByKind,
          reachOuts,
          newContacts,
          kudosGiven,
          kudosReceived: appreciation.kudos_received ?? 0,
          favorsGiven: appreciation.favor_given ?? 0,
          favorsReceived: appreciation.favor_received ?? 0,
          followUpsDone,
          goals: goals.map((g) => {
            const metric = g.metric as GoalMetric;
            return { metric, label: goalLabels[metric], target: g.target, count: countOf[metric], met: countOf[metric] >= g.target };
          }),
        },
        weekAhead: {
          start: today,
          end: aheadEnd,
          overdueFollowUps: overdue,
          followUpsDue: due.map(toFollowUpDto),
          birthdays: occurrences.filter((o) => o.kind === 'birthday').map(toMilestone),
          milestones: occurrences.filter((o) => o.kind !== 'birthday').map(toMilestone),
        },
      };
    },
  };
}

export type GoalService = ReturnType<typeof goalService>;
