import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { RapportDatabase } from '../../db/database';
import type { DB } from '../../db/schema';

export interface Snapshot {
  db: Kysely<DB>;
  close(): Promise<void>;
}

/**
 * The database as it was at one moment, for as long as a backup takes to read, so that a write made
 * meanwhile (a note added to a new contact) cannot leave the backup with a row whose parent it lacks.
 * PostgreSQL: a read-only REPEATABLE READ transaction on one pooled connection. SQLite: a second,
 * read-only connection to the same file inside a read transaction (WAL lets the app keep writing, and
 * the one connection the app's queries share is never held while a download is slow).
 */
export async function openSnapshot(database: RapportDatabase): Promise<Snapshot> {
  if (database.dialect === 'postgres') {
    const trx = await database.db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
    return { db: trx, close: () => trx.commit().execute() };
  }
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(database.db);
  const file = rows.find((r) => r.name === 'main')?.file;
  // An in-memory database has no file a second connection could open: read it as it goes.
  if (!file) return { db: database.db, close: async () => {} };
  const connection = new Database(file, { readonly: true, fileMustExist: true });
  connection.pragma('busy_timeout = 10000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: connection }) });
  await sql`begin`.execute(db);
  return {
    db,
    close: async () => {
      await sql`commit`.execute(db).catch(() => {});
      await db.destroy();
    },
  };
}
