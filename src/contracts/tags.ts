import { z } from 'zod';
import { Cursor, Id, Limit } from './common';

const name = z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters');
const color = z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a hex colour such as #3b82f6').nullable().optional();

export const TagCreate = z.strictObject({ name, color }).meta({ id: 'TagCreate' });
export const TagUpdate = z.strictObject({ name: name.optional(), color }).meta({ id: 'TagUpdate' });
export const Tag = z
  .object({ id: z.string(), name: z.string(), color: z.string().nullable(), contactCount: z.number(), createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: 'Tag' });
export const TagContacts = z
  .strictObject({ contactIds: z.array(Id).min(1, 'needs at least one contact').max(1000, 'must be at most 1000 contacts') })
  .meta({ id: 'TagContacts' });
export const TagListQuery = z.strictObject({ limit: Limit, cursor: Cursor });

export type TagCreateInput = z.infer<typeof TagCreate>;
export type TagUpdateInput = z.infer<typeof TagUpdate>;
export type TagDto = z.infer<typeof Tag>;
export type TagContactsInput = z.infer<typeof TagContacts>;
