import { z } from 'zod';
import { Id } from './common';

export const DuplicateContact = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.string().nullable(),
  title: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  profiles: z.array(z.string()),
  location: z.string().nullable(),
  lastInteractionAt: z.string().nullable(),
  createdAt: z.string(),
  interactions: z.number().int(),
  notes: z.number().int(),
});

export const DuplicateGroup = z
  .object({
    reasons: z.array(z.string()).describe('Why these look like one person: a shared email, phone or profile, or the same name'),
    contacts: z.array(DuplicateContact),
  })
  .meta({ id: 'DuplicateGroup' });

export const DuplicateList = z.object({ items: z.array(DuplicateGroup), truncated: z.boolean() });

export const MergeContacts = z
  .strictObject({
    ids: z
      .array(Id)
      .min(2, 'needs at least two contacts')
      .max(20, 'must be at most 20 contacts')
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a contact')
      .describe('The first is kept; the others are merged into it and deleted'),
  })
  .meta({ id: 'MergeContacts' });

export type DuplicateContactDto = z.infer<typeof DuplicateContact>;
export type DuplicateGroupDto = z.infer<typeof DuplicateGroup>;
export type MergeContactsInput = z.infer<typeof MergeContacts>;
