import { z } from 'zod';
import { Cursor, Id, IsoDateTime, Limit } from './common';

export const importFormats = ['linkedin', 'google', 'outlook', 'csv', 'vcard', 'icalendar'] as const;
export const importStatuses = ['pending', 'applied', 'undone'] as const;
export const mappableFields = [
  'name', 'givenName', 'familyName', 'email', 'phone', 'organization', 'title', 'location', 'birthday', 'note', 'tags', 'linkedin', 'website', 'howWeMet',
  'pronouns', 'headline', 'timezone', 'circle', 'cadenceDays', 'starred', 'ignore',
] as const;

export const ImportProblem = z.object({
  line: z.number().int(),
  reason: z.string(),
  outcome: z.enum(['skipped', 'failed', 'warning']).describe('warning: the row was imported without the value named'),
});

export const ImportOptions = z.strictObject({
  format: z.enum(importFormats, { message: `must be one of ${importFormats.join(', ')}` }).optional().describe('Overrides detection'),
  map: z.record(z.string(), z.enum(mappableFields, { message: `must be one of ${mappableFields.join(', ')}` })).optional().describe('CSV column header -> field'),
  from: IsoDateTime.optional().describe('iCalendar: occurrences from this instant (default: a year ago)'),
  to: IsoDateTime.optional().describe('iCalendar: occurrences until this instant (never after now)'),
  createContacts: z.boolean().optional().describe('iCalendar: create contacts for attendees no contact has the email of'),
}).meta({ id: 'ImportOptions' });

export const ImportSummary = z.object({
  rows: z.number().int(),
  new: z.number().int(),
  merged: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  problems: z.array(ImportProblem),
  /** More problems than listed were found. */
  problemsTruncated: z.boolean(),
  encoding: z.string(),
  headers: z.array(z.string()).nullable(),
  columnMap: z.record(z.string(), z.string()).nullable(),
});

export const Import = z
  .object({
    id: z.string(),
    status: z.enum(importStatuses),
    format: z.enum(importFormats),
    fileName: z.string().nullable(),
    createdAt: z.string(),
    appliedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
    ...ImportSummary.shape,
  })
  .meta({ id: 'Import' });

export const ImportListQuery = z.strictObject({ limit: Limit, cursor: Cursor });
export const ImportIdParams = z.strictObject({ id: Id });

export type ImportOptionsInput = z.infer<typeof ImportOptions>;
export type ImportSummaryDto = z.infer<typeof ImportSummary>;
export type ImportDto = z.infer<typeof Import>;
export type ImportProblemDto = z.infer<typeof ImportProblem>;
export type ImportFormatName = (typeof importFormats)[number];
