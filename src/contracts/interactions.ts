import { z } from 'zod';
import { Cursor, Id, IsoDateTime, Limit } from './common';

export const interactionKinds = [
  'call', 'video_call', 'coffee_chat', 'informational_interview', 'meeting', 'message', 'email',
  'event', 'social', 'mentorship_session', 'team_activity', 'other',
] as const;
export const initiators = ['me', 'them', 'mutual'] as const;

const fields = {
  contactIds: z.array(Id).min(1, 'needs at least one contact').max(100).refine((ids) => new Set(ids).size === ids.length, 'must not repeat a contact'),
  kind: z.enum(interactionKinds, { message: `must be one of ${interactionKinds.join(', ')}` }),
  occurredAt: IsoDateTime,
  summary: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  notes: z.string().max(20000, 'must be at most 20000 characters').nullable().optional(),
  durationMinutes: z.number().int('must be a whole number').min(0).max(24 * 60, 'must be at most 1440').nullable().optional(),
  initiatedBy: z.enum(initiators, { message: `must be one of ${initiators.join(', ')}` }).nullable().optional(),
};

export const InteractionCreate = z.strictObject(fields).meta({ id: 'InteractionCreate' });
export const InteractionUpdate = z
  .strictObject({ ...fields, contactIds: fields.contactIds.optional(), kind: fields.kind.optional(), occurredAt: fields.occurredAt.optional(), summary: fields.summary.optional() })
  .meta({ id: 'InteractionUpdate' });

export const Interaction = z
  .object({
    id: z.string(),
    contactIds: z.array(z.string()),
    kind: z.enum(interactionKinds),
    occurredAt: z.string(),
    summary: z.string(),
    notes: z.string().nullable(),
    durationMinutes: z.number().nullable(),
    initiatedBy: z.enum(initiators).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Interaction' });

export const TimelineQuery = z.strictObject({ limit: Limit, cursor: Cursor });

export type InteractionCreateInput = z.infer<typeof InteractionCreate>;
export type InteractionUpdateInput = z.infer<typeof InteractionUpdate>;
export type InteractionDto = z.infer<typeof Interaction>;
export type InteractionKind = (typeof interactionKinds)[number];
