import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from './common';

export const engagementActions = ['commented', 'shared', 'reacted', 'messaged', 'endorsed'] as const;
export const contentStatuses = ['idea', 'draft', 'scheduled', 'published'] as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const Link = z.string().trim().url('must be a URL').max(2000).nullable().optional();

export const EngagementCreate = z
  .strictObject({
    contactId: Id,
    action: z.enum(engagementActions),
    platform: text(50).nullable().optional().describe('LinkedIn, X, Mastodon, …'),
    link: Link,
    note: text(300).nullable().optional().describe('What it was about'),
    occurredAt: IsoDateTime.optional().describe('Defaults to now'),
  })
  .meta({ id: 'EngagementCreate' });

export const Engagement = z
  .object({
    id: z.string(),
    contactId: z.string(),
    contactName: z.string(),
    action: z.enum(engagementActions),
    platform: z.string().nullable(),
    link: z.string().nullable(),
    summary: z.string(),
    occurredAt: z.string(),
    interactionId: z.string().describe('The light interaction (kind social) it counts as'),
  })
  .meta({ id: 'Engagement' });

export const EngagementListQuery = z.strictObject({ contactId: Id.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

export const ContentPostCreate = z
  .strictObject({
    topic: text(300),
    status: z.enum(contentStatuses).default('idea'),
    platform: text(50).nullable().optional(),
    body: z.string().max(20_000).nullable().optional(),
    plannedOn: IsoDate.nullable().optional(),
    link: Link,
    mentionIds: z.array(Id).max(50).optional().describe('Contacts the post mentions'),
  })
  .meta({ id: 'ContentPostCreate' });

export const ContentPostUpdate = z
  .strictObject({
    topic: text(300).optional(),
    status: z.enum(contentStatuses).optional().describe('published sets publishedOn to today unless given'),
    platform: text(50).nullable().optional(),
    body: z.string().max(20_000).nullable().optional(),
    plannedOn: IsoDate.nullable().optional(),
    publishedOn: IsoDate.nullable().optional(),
    link: Link,
    mentionIds: z.array(Id).max(50).optional(),
  })
  .meta({ id: 'ContentPostUpdate' });

export const ContentPost = z
  .object({
    id: z.string(),
    topic: z.string(),
    status: z.enum(contentStatuses),
    platform: z.string().nullable(),
    body: z.string().nullable(),
    plannedOn: z.string().nullable(),
    publishedOn: z.string().nullable(),
    link: z.string().nullable(),
    mentions: z.array(z.object({ id: z.string(), name: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ContentPost' });

export const ContentPostListQuery = z.strictObject({
  status: z.enum(contentStatuses).optional(),
  from: IsoDate.optional().describe('With to: posts planned or published in [from, to] (the calendar)'),
  to: IsoDate.optional(),
});

export type EngagementCreateInput = z.infer<typeof EngagementCreate>;
export type EngagementDto = z.infer<typeof Engagement>;
export type ContentPostCreateInput = z.input<typeof ContentPostCreate>;
export type ContentPostUpdateInput = z.infer<typeof ContentPostUpdate>;
export type ContentPostDto = z.infer<typeof ContentPost>;
export type ContentStatus = (typeof contentStatuses)[number];
