import { z } from 'zod';
import { Cursor, Limit } from './common';

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const fields = {
  domain: z.string().trim().max(253).regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain such as example.com').nullable().optional(),
  website: z.string().url('must be a URL').max(500).nullable().optional(),
  notes: z.string().max(20000).nullable().optional(),
};

export const OrganizationCreate = z.strictObject({ name, ...fields }).meta({ id: 'OrganizationCreate' });
export const OrganizationUpdate = z.strictObject({ name: name.optional(), ...fields }).meta({ id: 'OrganizationUpdate' });
export const Organization = z
  .object({
    id: z.string(),
    name: z.string(),
    domain: z.string().nullable(),
    website: z.string().nullable(),
    notes: z.string().nullable(),
    contactCount: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organization' });
export const OrganizationListQuery = z.strictObject({ q: z.string().trim().max(200).optional(), limit: Limit, cursor: Cursor });

export type OrganizationCreateInput = z.infer<typeof OrganizationCreate>;
export type OrganizationUpdateInput = z.infer<typeof OrganizationUpdate>;
export type OrganizationDto = z.infer<typeof Organization>;
