import { z } from 'zod';

export const databaseKinds = ['sqlite', 'postgres'] as const;

/**
 * Where this server keeps its data. Everyone sees the kind; only the admin sees the location, and
 * never a credential: the SQLite file path, or the PostgreSQL host, port and database name.
 */
export const Instance = z
  .object({
    version: z.string(),
    database: z.object({
      kind: z.enum(databaseKinds),
      file: z.string().nullable().describe('SQLite: the database file (admin only)'),
      host: z.string().nullable().describe('PostgreSQL: the server host (admin only)'),
      port: z.number().int().nullable().describe('PostgreSQL: the server port (admin only)'),
      name: z.string().nullable().describe('PostgreSQL: the database name (admin only)'),
    }),
  })
  .meta({ id: 'Instance' });

export type InstanceDto = z.infer<typeof Instance>;
