import { randomBytes } from 'node:crypto';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from './dialect';
import { AppError } from '../platform/errors';
import * as initial from './migrations/0001-initial';
import * as archivedInListIndexes from './migrations/0002-archived-in-list-indexes';
import * as relationshipEngine from './migrations/0003-relationship-engine';
import * as appreciationGoals from './migrations/0004-appreciation-goals';
import * as imports from './migrations/0005-imports';
import * as perfIndexes from './migrations/0006-perf-indexes';
import * as eventsChats from './migrations/0007-events-chats';
import * as strategies from './migrations/0008-strategies';
import * as ownerLinksIndex from './migrations/0010-owner-links-index';
import * as dormantTiesIndex from './migrations/0011-dormant-ties-index';
import * as calendarFeedIndexes from './migrations/0012-calendar-feed-indexes';
import * as searchKindIndexes from './migrations/0013-search-kind-indexes';
import type { DB } from './schema';

/** Every migration, in order. Names are versions: never rename or edit one that has shipped. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-archived-in-list-indexes': archivedInListIndexes,
  '0003-relationship-engine': relationshipEngine,
  '0004-appreciation-goals': appreciationGoals,
  '0005-imports': imports,
  '0006-perf-indexes': perfIndexes,
  '0007-events-chats': eventsChats,
  '0008-strategies': strategies,
  '0010-owner-links-index': ownerLinksIndex,
  '0011-dormant-ties-index': dormantTiesIndex,
  '0012-calendar-feed-indexes': calendarFeedIndexes,
  '0013-search-kind-indexes': searchKindIndexes,
};

/**
 * Brings the schema up to date, once, whoever else starts at the same moment. Kysely's migrator
 * records applied versions; on PostgreSQL it migrates in a transaction under a lock of its own.
 * On SQLite it does neither, so the whole run happens inside BEGIN IMMEDIATE: other processes wait
 * (busy timeout) for the write lock, then find nothing left to do, and a failure rolls back whole.
 * SQLite has one connection per process, so the migrator's statements run inside that transaction.
 */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });
  const sqlite = dialectOf(db) === 'sqlite';
  if (sqlite) await sql`begin immediate`.execute(db);
  let outcome: Awaited<ReturnType<Migrator['migrateToLatest']>>;
  try {
    outcome = await migrator.migrateToLatest();
  } catch (error) {
    outcome = { error };
  }
  if (sqlite) await sql.raw(outcome.error ? 'rollback' : 'commit').execute(db);
  const { error, results } = outcome;
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new AppError('internal', `Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`);
  }
  await ensureSecret(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The signing secret for sessions, generated once per database unless RAPPORT_SECRET is set. */
async function ensureSecret(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('app_setting')
    .values({ key: 'auth_secret', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

export async function readSetting(db: Kysely<DB>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeSetting(db: Kysely<DB>, key: string, value: string): Promise<void> {
  await db
    .insertInto('app_setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
