import { z } from 'zod';

export const Id = z.string().uuid({ message: 'must be an id (UUID)' });
export const IdParams = z.strictObject({ id: Id });

export const IsoDateTime = z.string().datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-11-25T14:30:00Z' });
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'is not a real calendar date');

export const Limit = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(200, 'must be at most 200')
  .default(50);
export const Cursor = z.string().max(500).optional();

export const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export const Deleted = z.object({ deleted: z.literal(true), id: z.string() });
