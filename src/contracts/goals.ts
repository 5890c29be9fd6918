import { z } from 'zod';
import { IsoDate } from './common';
import { FollowUp } from './follow-ups';

/**
 * Weekly goals. reach_outs: interactions you initiated (initiatedBy "me"); new_connections: contacts
 * added; kudos_given: kudos you gave; community_contributions: contributions recorded in your communities
 * (by the day they happened). Weeks start on Monday in your time zone.
 */
export const goalMetrics = ['reach_outs', 'new_connections', 'kudos_given', 'community_contributions'] as const;
export const goalLabels: Record<(typeof goalMetrics)[number], string> = {
  reach_outs: 'Reach-outs',
  new_connections: 'New connections',
  kudos_given: 'Kudos given',
  community_contributions: 'Community contributions',
};

const target = z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000');

export const GoalCreate = z
  .strictObject({ metric: z.enum(goalMetrics, { message: `must be one of ${goalMetrics.join(', ')}` }), target })
  .meta({ id: 'GoalCreate' });
export const GoalUpdate = z.strictObject({ target }).meta({ id: 'GoalUpdate' });
export const GoalWeek = z.object({ weekStart: z.string(), count: z.number().int(), met: z.boolean() });
export const Goal = z
  .object({
    id: z.string(),
    metric: z.enum(goalMetrics),
    label: z.string(),
    target: z.number().int(),
    thisWeek: z.number().int().describe('Progress in the current week'),
    met: z.boolean().describe('The current week already reached the target'),
    streak: z.number().int().describe('Consecutive weeks met, up to the last complete week (plus this one once met); not before the goal was set'),
    history: z.array(GoalWeek).describe('The last 8 weeks, oldest first, the current one last'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Goal' });
export const GoalList = z.object({ weekStart: z.string(), weekEnd: z.string(), timezone: z.string(), items: z.array(Goal) }).meta({ id: 'GoalList' });

export const ReviewQuery = z.strictObject({
  week: IsoDate.optional().describe('Any day of the week to review; the last complete week when left out'),
});
export const ReviewMilestone = z.object({ contactId: z.string(), contactName: z.string(), kind: z.string(), title: z.string(), on: z.string() });
export const Review = z
  .object({
    timezone: z.string(),
    lastWeek: z.object({
      start: z.string().describe('Monday'),
      end: z.string().describe('Sunday'),
      interactions: z.number().int(),
      interactionsByKind: z.record(z.string(), z.number().int()),
      reachOuts: z.number().int(),
      newContacts: z.number().int(),
      kudosGiven: z.number().int(),
      kudosReceived: z.number().int(),
      favorsGiven: z.number().int(),
      favorsReceived: z.number().int(),
      followUpsDone: z.number().int(),
      goals: z.array(z.object({ metric: z.enum(goalMetrics), label: z.string(), target: z.number().int(), count: z.number().int(), met: z.boolean() })),
    }),
    weekAhead: z.object({
      start: z.string(),
      end: z.string(),
      overdueFollowUps: z.number().int().describe('Open follow-ups due before the week ahead starts'),
      followUpsDue: z.array(FollowUp),
      birthdays: z.array(ReviewMilestone),
      milestones: z.array(ReviewMilestone),
    }),
  })
  .meta({ id: 'Review' });

export type GoalMetric = (typeof goalMetrics)[number];
export type GoalCreateInput = z.infer<typeof GoalCreate>;
export type GoalUpdateInput = z.infer<typeof GoalUpdate>;
export type GoalDto = z.infer<typeof Goal>;
export type GoalListDto = z.infer<typeof GoalList>;
export type ReviewDto = z.infer<typeof Review>;
export type ReviewMilestoneDto = z.infer<typeof ReviewMilestone>;
