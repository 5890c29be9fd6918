import { z } from 'zod';
import { Cursor, Id, IsoDate, IsoDateTime, Limit } from './common';
import { Strength } from './strength';

export const mentorshipRoles = ['mentor', 'mentee'] as const;
export const mentorshipStatuses = ['active', 'paused', 'ended'] as const;
export const mentorshipGoalStatuses = ['open', 'in_progress', 'done', 'dropped'] as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const Cadence = z.number().int('must be a whole number').min(1, 'must be at least 1 day').max(365, 'must be at most 365 days').nullable();

export const MentorshipCreate = z
  .strictObject({
    contactId: Id,
    role: z.enum(mentorshipRoles).describe('Your role: mentor (you guide them) or mentee (they guide you)'),
    focus: text(300).describe('What the mentorship is about'),
    cadenceDays: Cadence.optional().describe('A session every N days: the next one becomes a follow-up'),
    startedOn: IsoDate.optional(),
    notes: text(5000).nullable().optional(),
  })
  .meta({ id: 'MentorshipCreate' });

export const MentorshipUpdate = z
  .strictObject({
    role: z.enum(mentorshipRoles).optional(),
    status: z.enum(mentorshipStatuses).optional(),
    focus: text(300).optional(),
    cadenceDays: Cadence.optional(),
    notes: text(5000).nullable().optional(),
  })
  .meta({ id: 'MentorshipUpdate' });

export const MentorshipGoal = z.object({ id: z.string(), title: z.string(), status: z.enum(mentorshipGoalStatuses), createdAt: z.string(), updatedAt: z.string() }).meta({ id: 'MentorshipGoal' });
export const MentorshipAction = z
  .object({ id: z.string(), title: z.string(), dueOn: z.string().nullable(), done: z.boolean(), followUpId: z.string().nullable(), createdAt: z.string() })
  .meta({ id: 'MentorshipAction' });
export const MentorshipSession = z
  .object({ id: z.string(), occurredAt: z.string(), summary: z.string(), notes: z.string().nullable(), durationMinutes: z.number().nullable() })
  .meta({ id: 'MentorshipSession' });

export const Mentorship = z
  .object({
    id: z.string(),
    contactId: z.string(),
    contactName: z.string(),
    role: z.enum(mentorshipRoles),
    status: z.enum(mentorshipStatuses),
    focus: z.string(),
    cadenceDays: z.number().nullable(),
    startedOn: z.string(),
    nextSessionOn: z.string().nullable().describe('Due date of the open next-session follow-up'),
    lastSessionAt: z.string().nullable(),
    notes: z.string().nullable(),
    goals: z.array(MentorshipGoal),
    actions: z.array(MentorshipAction),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Mentorship' });

export const MentorshipListQuery = z.strictObject({
  status: z.enum(mentorshipStatuses).optional(),
  role: z.enum(mentorshipRoles).optional(),
  limit: Limit,
  cursor: Cursor,
});

export const MentorshipGoalCreate = z.strictObject({ title: text(300) }).meta({ id: 'MentorshipGoalCreate' });
export const MentorshipGoalUpdate = z.strictObject({ title: text(300).optional(), status: z.enum(mentorshipGoalStatuses).optional() }).meta({ id: 'MentorshipGoalUpdate' });
export const MentorshipActionCreate = z.strictObject({ title: text(300), dueOn: IsoDate }).meta({ id: 'MentorshipActionCreate' });
export const MentorshipActionUpdate = z.strictObject({ title: text(300).optional(), dueOn: IsoDate.optional(), done: z.boolean().optional() }).meta({ id: 'MentorshipActionUpdate' });
export const MentorshipSessionCreate = z
  .strictObject({
    occurredAt: IsoDateTime,
    summary: text(500),
    notes: z.string().max(20_000).nullable().optional(),
    durationMinutes: z.number().int().min(1).max(1440).nullable().optional(),
  })
  .meta({ id: 'MentorshipSessionCreate' });

export const MentorCandidatesQuery = z.strictObject({
  tag: z.string().trim().min(1).max(100).optional().describe('An expertise tag, e.g. "product-management"'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const MentorCandidate = z
  .object({ contactId: z.string(), name: z.string(), headline: z.string().nullable(), tags: z.array(z.string()), strength: Strength.nullable(), requestMessage: z.string() })
  .meta({ id: 'MentorCandidate' });

export type MentorshipCreateInput = z.infer<typeof MentorshipCreate>;
export type MentorshipUpdateInput = z.infer<typeof MentorshipUpdate>;
export type MentorshipDto = z.infer<typeof Mentorship>;
export type MentorshipListQueryInput = z.infer<typeof MentorshipListQuery>;
export type MentorshipGoalDto = z.infer<typeof MentorshipGoal>;
export type MentorshipActionDto = z.infer<typeof MentorshipAction>;
export type MentorshipSessionDto = z.infer<typeof MentorshipSession>;
export type MentorshipGoalCreateInput = z.infer<typeof MentorshipGoalCreate>;
export type MentorshipGoalUpdateInput = z.infer<typeof MentorshipGoalUpdate>;
export type MentorshipActionCreateInput = z.infer<typeof MentorshipActionCreate>;
export type MentorshipActionUpdateInput = z.infer<typeof MentorshipActionUpdate>;
export type MentorshipSessionCreateInput = z.infer<typeof MentorshipSessionCreate>;
export type MentorCandidateDto = z.infer<typeof MentorCandidate>;
export type MentorshipRole = (typeof mentorshipRoles)[number];
