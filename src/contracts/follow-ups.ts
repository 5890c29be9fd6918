import { z } from 'zod';
import { Cursor, Id, IsoDate, Limit } from './common';

export const followUpStatuses = ['open', 'due', 'upcoming', 'done', 'all'] as const;

const reason = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');

export const FollowUpCreate = z.strictObject({ contactId: Id, dueOn: IsoDate, reason }).meta({ id: 'FollowUpCreate' });
export const FollowUpUpdate = z
  .strictObject({
    dueOn: IsoDate.optional(),
    reason: reason.optional(),
    done: z.boolean().optional(),
    snoozedUntil: IsoDate.nullable().optional().describe('Hide until this date; null clears the snooze'),
  })
  .meta({ id: 'FollowUpUpdate' });
export const FollowUp = z
  .object({
    id: z.string(),
    contactId: z.string(),
    contactName: z.string(),
    dueOn: z.string(),
    reason: z.string(),
    done: z.boolean(),
    doneAt: z.string().nullable(),
    snoozedUntil: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FollowUp' });
export const FollowUpListQuery = z.strictObject({
  status: z.enum(followUpStatuses).default('open').describe('due: open and due today or earlier (oldest first); upcoming: open and later; done; open; all'),
  contactId: Id.optional(),
  limit: Limit,
  cursor: Cursor,
});

export type FollowUpCreateInput = z.infer<typeof FollowUpCreate>;
export type FollowUpUpdateInput = z.infer<typeof FollowUpUpdate>;
export type FollowUpDto = z.infer<typeof FollowUp>;
export type FollowUpListQueryInput = z.infer<typeof FollowUpListQuery>;
