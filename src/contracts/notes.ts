import { z } from 'zod';
import { Cursor, Limit } from './common';

const body = z.string().trim().min(1, 'must not be empty').max(100000, 'must be at most 100000 characters');

export const NoteCreate = z.strictObject({ body: body.describe('Markdown'), pinned: z.boolean().optional() }).meta({ id: 'NoteCreate' });
export const NoteUpdate = z.strictObject({ body: body.optional(), pinned: z.boolean().optional() }).meta({ id: 'NoteUpdate' });
export const Note = z
  .object({ id: z.string(), contactId: z.string(), body: z.string(), pinned: z.boolean(), createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: 'Note' });
export const NoteListQuery = z.strictObject({ limit: Limit, cursor: Cursor });

export type NoteCreateInput = z.infer<typeof NoteCreate>;
export type NoteUpdateInput = z.infer<typeof NoteUpdate>;
export type NoteDto = z.infer<typeof Note>;
