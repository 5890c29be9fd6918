import { z } from 'zod';
import { Birthday, circles } from './contacts';
import { Id, IsoDate } from './common';
export * from './strength';

/**
 * Dunbar-inspired circles with their usual size and default keep-in-touch cadence (days): the inner
 * five about weekly, close friends monthly, the active fifty every six months, the wider 150 yearly
 * (Dunbar's layers; MacCarron et al. 2016). Acquaintances get no reminder unless you set one.
 */
export const circleDefaults = {
  inner: { size: 5, cadenceDays: 7 },
  close: { size: 15, cadenceDays: 30 },
  active: { size: 50, cadenceDays: 180 },
  wider: { size: 150, cadenceDays: 365 },
  acquaintance: { size: null, cadenceDays: null },
} as const satisfies Record<(typeof circles)[number], { size: number | null; cadenceDays: number | null }>;

export const DEFAULT_DAILY_BUDGET = 7;
export const DEFAULT_HALF_LIFE_DAYS = 30;

const cadence = z.number().int('must be a whole number').min(1, 'must be at least 1').max(3650, 'must be at most 3650');

export const RelationshipSettings = z
  .object({
    circles: z.array(z.object({ circle: z.enum(circles), size: z.number().nullable(), cadenceDays: z.number().nullable(), defaultCadenceDays: z.number().nullable() })),
    dailyBudget: z.number().int(),
    recencyHalfLifeDays: z.number().int(),
  })
  .meta({ id: 'RelationshipSettings' });
export const RelationshipSettingsUpdate = z
  .strictObject({
    cadences: z
      .strictObject(Object.fromEntries(circles.map((c) => [c, cadence.nullable().optional()])) as Record<(typeof circles)[number], z.ZodOptional<z.ZodNullable<typeof cadence>>>)
      .optional()
      .describe('Keep-in-touch days per circle; null means no reminder for that circle'),
    dailyBudget: z.number().int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50').optional(),
    recencyHalfLifeDays: z.number().int('must be a whole number').min(1, 'must be at least 1').max(365, 'must be at most 365').optional(),
  })
  .meta({ id: 'RelationshipSettingsUpdate' });

// --- Milestones ---------------------------------------------------------------------------------
export const milestoneKinds = ['birthday', 'work_anniversary', 'new_role', 'launch', 'publication', 'custom'] as const;
export const recurrences = ['yearly', 'once'] as const;

const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const MilestoneCreate = z
  .strictObject({
    contactId: Id,
    kind: z.enum(milestoneKinds, { message: `must be one of ${milestoneKinds.join(', ')}` }),
    title: title.optional().describe('Defaults to a title from the kind'),
    onDate: Birthday.describe('YYYY-MM-DD, or --MM-DD for a yearly milestone whose year is unknown'),
    recurrence: z.enum(recurrences).optional().describe('Default: yearly for birthdays and work anniversaries, once otherwise'),
    remindDaysBefore: z.number().int('must be a whole number').min(0, 'must be at least 0').max(60, 'must be at most 60').default(3),
    notes: z.string().max(2000, 'must be at most 2000 characters').nullable().optional(),
  })
  .meta({ id: 'MilestoneCreate' });
export const MilestoneUpdate = z
  .strictObject({
    kind: MilestoneCreate.shape.kind.optional(),
    title: title.optional(),
    onDate: Birthday.optional(),
    recurrence: z.enum(recurrences).optional(),
    remindDaysBefore: z.number().int('must be a whole number').min(0, 'must be at least 0').max(60, 'must be at most 60').optional(),
    notes: z.string().max(2000).nullable().optional(),
  })
  .meta({ id: 'MilestoneUpdate' });
export const Milestone = z
  .object({
    id: z.string(),
    contactId: z.string(),
    contactName: z.string(),
    kind: z.enum(milestoneKinds),
    title: z.string(),
    onDate: z.string(),
    recurrence: z.enum(recurrences),
    remindDaysBefore: z.number(),
    notes: z.string().nullable(),
    nextOn: z.string().nullable().describe('The next occurrence from today (your time zone); null for a one-off in the past'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Milestone' });
export const MilestoneListQuery = z.strictObject({ contactId: Id.optional() });
export const UpcomingQuery = z.strictObject({
  days: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(366, 'must be at most 366').default(30),
});
export const MilestoneOccurrence = z
  .object({
    id: z.string().describe('The milestone id, or birthday:<contactId> for a birthday from the contact'),
    milestoneId: z.string().nullable(),
    contactId: z.string(),
    contactName: z.string(),
    kind: z.enum(milestoneKinds),
    title: z.string(),
    date: z.string(),
    years: z.number().nullable(),
  })
  .meta({ id: 'MilestoneOccurrence' });

// --- Message templates --------------------------------------------------------------------------
export const templatePurposes = ['follow_up', 'thank_you', 'congratulations', 'reconnect'] as const;
export const templateVariables = ['firstName', 'lastTopic', 'daysSince', 'eventName'] as const;

const body = z.string().trim().min(1, 'must not be empty').max(5000, 'must be at most 5000 characters');
export const TemplateCreate = z
  .strictObject({
    purpose: z.enum(templatePurposes, { message: `must be one of ${templatePurposes.join(', ')}` }),
    name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
    body: body.describe('Variables: {{firstName}}, {{lastTopic}}, {{daysSince}}, {{eventName}}'),
  })
  .meta({ id: 'TemplateCreate' });
export const TemplateUpdate = z
  .strictObject({ purpose: TemplateCreate.shape.purpose.optional(), name: TemplateCreate.shape.name.optional(), body: body.optional() })
  .meta({ id: 'TemplateUpdate' });
export const Template = z
  .object({
    id: z.string().describe('builtin:<purpose> for the shipped defaults'),
    purpose: z.enum(templatePurposes),
    name: z.string(),
    body: z.string(),
    builtIn: z.boolean(),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'Template' });
export const TemplatePreviewRequest = z
  .strictObject({
    contactId: Id,
    templateId: z.string().max(100).optional().describe('A template id; default: your newest template for the purpose, else the shipped one'),
    purpose: z.enum(templatePurposes).optional(),
    eventName: z.string().trim().max(200).optional(),
  })
  .meta({ id: 'TemplatePreviewRequest' });
export const TemplatePreview = z
  .object({
    templateId: z.string(),
    purpose: z.enum(templatePurposes),
    text: z.string(),
    variables: z.object({ firstName: z.string(), lastTopic: z.string(), daysSince: z.string(), eventName: z.string() }),
  })
  .meta({ id: 'TemplatePreview' });

// --- Today --------------------------------------------------------------------------------------
export const todayItemTypes = ['follow_up', 'cadence', 'milestone', 'dormant', 'new_contact'] as const;
export const todayActions = ['log', 'done', 'snooze', 'draft'] as const;

export const TodayItem = z
  .object({
    id: z.string().describe('Stable id of the item; pass it to POST /today/actions'),
    type: z.enum(todayItemTypes),
    contactId: z.string(),
    contactName: z.string(),
    circle: z.enum(circles).nullable(),
    title: z.string(),
    reason: z.string().describe('Why it is on the list, in words'),
    date: z.string().nullable().describe('Due date, or the milestone date'),
    actions: z.array(z.enum(todayActions)),
    draftPurpose: z.enum(templatePurposes).describe('Which template "draft" renders'),
    eventName: z.string().nullable(),
  })
  .meta({ id: 'TodayItem' });
/** A reminder on the agenda that is about your own plans, not a contact (outside the daily budget). */
export const TodayReminder = z
  .object({
    id: z.string().describe('content_post:{id}'),
    type: z.enum(['scheduled_post']),
    title: z.string(),
    reason: z.string().describe('Why it is on the list, in words'),
    date: z.string(),
    link: z.string().describe('Where to act on it in the web app'),
  })
  .meta({ id: 'TodayReminder' });
export const Today = z
  .object({
    date: z.string().describe('Today in your time zone'),
    timezone: z.string(),
    budget: z.number().int(),
    items: z.array(TodayItem),
    more: z.number().int().describe('Candidates left out by the daily budget'),
    reminders: z.array(TodayReminder).describe('Your own plans for today (scheduled posts of the content plan); not counted in the budget'),
  })
  .meta({ id: 'Today' });
export const TodayQuery = z.strictObject({
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').max(50, 'must be at most 50').optional().describe('Default: your daily budget'),
});
export const TodayAction = z
  .strictObject({
    item: z.string().min(1).max(200).describe('The item id from GET /today'),
    action: z.enum(['done', 'snooze'], { message: 'must be done or snooze' }),
    until: IsoDate.optional().describe('For snooze: the day it comes back'),
  })
  .refine((a) => a.action !== 'snooze' || a.until, { message: 'snooze needs until', path: ['until'] })
  .meta({ id: 'TodayAction' });

export type RelationshipSettingsDto = z.infer<typeof RelationshipSettings>;
export type RelationshipSettingsUpdateInput = z.infer<typeof RelationshipSettingsUpdate>;
export type MilestoneCreateInput = z.infer<typeof MilestoneCreate>;
export type MilestoneUpdateInput = z.infer<typeof MilestoneUpdate>;
export type MilestoneDto = z.infer<typeof Milestone>;
export type MilestoneOccurrenceDto = z.infer<typeof MilestoneOccurrence>;
export type MilestoneKind = (typeof milestoneKinds)[number];
export type TemplateCreateInput = z.infer<typeof TemplateCreate>;
export type TemplateUpdateInput = z.infer<typeof TemplateUpdate>;
export type TemplateDto = z.infer<typeof Template>;
export type TemplatePurpose = (typeof templatePurposes)[number];
export type TemplatePreviewRequestInput = z.infer<typeof TemplatePreviewRequest>;
export type TemplatePreviewDto = z.infer<typeof TemplatePreview>;
export type TodayItemDto = z.infer<typeof TodayItem>;
export type TodayReminderDto = z.infer<typeof TodayReminder>;
export type TodayDto = z.infer<typeof Today>;
export type TodayActionInput = z.infer<typeof TodayAction>;
