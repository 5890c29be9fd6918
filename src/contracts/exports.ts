import { z } from 'zod';

export const vcardVersions = ['4.0', '3.0'] as const;
export const exportFormats = ['vcard', 'csv', 'json', 'ics'] as const;

export const VCardExportQuery = z.strictObject({
  version: z.enum(vcardVersions, { message: 'must be 4.0 or 3.0' }).default('4.0').describe('vCard version: 4.0 (RFC 6350) or 3.0 (RFC 2426)'),
});

/** The envelope of a backup file; `data` holds one array of rows per table (see docs/import-export.md). */
export const BackupEnvelope = z.object({
  format: z.literal('rapport-backup', { message: 'is not "rapport-backup": this is not a Rapport backup' }),
  version: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1'),
  exportedAt: z.string(),
  account: z.object({ name: z.string().min(1).max(200), timezone: z.string().max(64) }).partial().optional(),
  data: z.record(z.string(), z.array(z.record(z.string(), z.unknown()), { message: 'must be a list of rows' }), { message: 'must be an object of tables' }),
});

export const RestoreResult = z
  .object({
    restored: z.record(z.string(), z.number()).describe('Rows restored per table'),
    idsKept: z.boolean().describe('false when the backup’s ids already existed in this database and new ones were given'),
  })
  .meta({ id: 'RestoreResult' });

export type VCardVersionInput = (typeof vcardVersions)[number];
export type BackupEnvelopeInput = z.infer<typeof BackupEnvelope>;
export type RestoreResultDto = z.infer<typeof RestoreResult>;
