import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { BackupEnvelope, type RestoreResultDto } from '../../../contracts/exports';
import type { DB } from '../../db/schema';
import { isValidTimeZone, nowIso } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { AppError, isAppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { indexInteractions, reindexContacts } from '../search/search.index';
import * as repo from './backup.repository';
import { openSnapshot } from './backup.snapshot';
import { backupTables, type BackupTable } from './backup.tables';

/**
 * The backup format version this code writes and the newest it reads. Raise it when a change to the
 * tables means an older Rapport could not restore the file (a new required column, a renamed table),
 * and teach `upgrade` to bring older backups up to date.
 */
export const BACKUP_VERSION = 1;
export const BACKUP_FORMAT = 'rapport-backup';

type Row = Record<string, unknown>;
const PAGE = 2000;
const keyOf = (t: BackupTable) => t.key ?? ['id'];

const corrupt = (message: string, path = 'data') => new AppError('validation', `The backup is corrupt: ${message}; nothing was changed`, [{ path, message }]);

/** Older backups, brought to the current version (none yet: version 1 is the first). */
function upgrade(backup: { version: number; data: Record<string, Row[]> }): Record<string, Row[]> {
  return backup.data;
}

/** Values as the backup writes them on both dialects: booleans as true/false, everything else as read. */
function normalizeRow(table: BackupTable, row: Row): Row {
  if (!table.booleans) return row;
  const out = { ...row };
  for (const column of table.booleans) if (typeof out[column] === 'number') out[column] = out[column] === 1;
  return out;
}

/** A database error inside the restore, said as what it means for the file. */
function explain(error: unknown, table: string): AppError {
  if (isAppError(error)) return error;
  const message = (error as Error).message ?? String(error);
  if (/unique|duplicate key/i.test(message)) return corrupt(`${table}: a row repeats a key, or its value is taken in this database (${message})`, `data.${table}`);
  return corrupt(`${table}: ${message}`, `data.${table}`);
}

export function backupService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;

  /** The backed-up tables that exist in this database (all of them once every migration has run). */
  async function presentTables() {
    const columns = await repo.tableColumns(db);
    return { columns, tables: backupTables.filter((t) => columns.has(t.name)) };
  }

  return {
    /**
     * Everything the account owns as one JSON document, streamed in chunks: the envelope, then each
     * table's rows in key order, one row per line. Derived search data is left out (rebuilt on restore).
     */
    async *backup(actor: Actor): AsyncGenerator<string> {
      const { tables } = await presentTables();
      const account = await db.selectFrom('user').select(['name', 'timezone']).where('id', '=', actor.userId).executeTakeFirst();
      const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: nowIso(clock), account: account ?? {} };
      yield `${JSON.stringify(head).slice(0, -1)},"data":{`;
      // Every table is read from the same moment (see openSnapshot), page by page.
      const snapshot = await openSnapshot(database);
      try {
        let firstTable = true;
        for (const table of tables) {
          yield `${firstTable ? '' : ','}\n${JSON.stringify(table.name)}:[`;
          firstTable = false;
          const key = keyOf(table);
          let after: unknown[] | undefined;
          let first = true;
          for (;;) {
            const rows = await repo.rowPage(snapshot.db, table.name, key, actor.userId, PAGE, after);
            if (rows.length === 0) break;
            let chunk = '';
            for (const row of rows) {
              chunk += `${first ? '' : ','}\n${JSON.stringify(normalizeRow(table, row))}`;
              first = false;
            }
            yield chunk;
            if (rows.length < PAGE) break;
            const last = rows.at(-1)!;
            after = key.map((k) => last[k]);
          }
          yield ']';
        }
      } finally {
        await snapshot.close();
      }
      yield '\n}}\n';
    },

    /**
     * Restores a backup into the actor's account, which must be empty. Everything is checked before
     * anything is written, and written in one transaction: a newer or corrupt backup changes nothing.
     * Ids are kept, so links stay valid; when the backup's ids already exist in this database (a
     * restore on the instance it came from), every row gets a new id and references follow.
     */
    async restore(actor: Actor, input: unknown): Promise<RestoreResultDto> {
      if (input === null || typeof input !== 'object' || Array.isArray(input)) throw corrupt('it is not a JSON object', 'format');
      const head = input as { format?: unknown; version?: unknown };
      if (head.format !== BACKUP_FORMAT) throw corrupt('it is not a Rapport backup (its "format" is not "rapport-backup")', 'format');
      if (typeof head.version === 'number' && head.version > BACKUP_VERSION)
        throw new AppError(
          'validation',
          `This backup was made by a newer Rapport (backup format ${head.version}; this one reads up to ${BACKUP_VERSION}): update Rapport, then restore again. Nothing was changed`,
          [{ path: 'version', message: `must be at most ${BACKUP_VERSION}` }],
        );
      const parsed = BackupEnvelope.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const path = issue.path.join('.') || 'backup';
        throw corrupt(`${path} ${issue.message}`, path);
      }
      if (parsed.data.account?.timezone && !isValidTimeZone(parsed.data.account.timezone))
        throw corrupt(`account.timezone "${parsed.data.account.timezone}" is not an IANA time zone`, 'account.timezone');
      const data = upgrade(parsed.data);
      const { columns, tables } = await presentTables();
      const known = new Map(tables.map((t) => [t.name, t]));
      for (const name of Object.keys(data)) if (!known.has(name)) throw corrupt(`it has a table "${name}" that this Rapport does not know`, `data.${name}`);

      // Every row: only known columns, the same columns in every row of a table, keys present,
      // and references that point at rows of this backup (never at someone else's rows).
      const ids = new Map<string, Set<string>>();
      for (const table of tables) {
        const rows = data[table.name] ?? [];
        const tableColumns = columns.get(table.name)!;
        const shape = rows[0] ? Object.keys(rows[0]).sort().join(',') : '';
        const seen = new Set<string>();
        rows.forEach((row, i) => {
          const where = `${table.name} row ${i + 1}`;
          for (const column of Object.keys(row)) if (!tableColumns.has(column)) throw corrupt(`${where} has an unknown column "${column}"`, `data.${table.name}.${i}`);
          if (Object.keys(row).sort().join(',') !== shape) throw corrupt(`${where} has other columns than the table's first row`, `data.${table.name}.${i}`);
          for (const k of keyOf(table)) if (k !== 'owner_id' && (row[k] === null || row[k] === undefined)) throw corrupt(`${where} has no ${k}`, `data.${table.name}.${i}`);
          if (typeof row.id === 'string') seen.add(row.id);
        });
        ids.set(table.name, seen);
      }
      for (const table of tables)
        (data[table.name] ?? []).forEach((row, i) => {
          for (const [column, target] of Object.entries(table.refs ?? {})) {
            const value = row[column];
            if (value === null || value === undefined) continue;
            if (typeof value !== 'string' || !ids.get(target)?.has(value))
              throw corrupt(`${table.name} row ${i + 1}: ${column} ${JSON.stringify(value)} is not a ${target} of this backup`, `data.${table.name}.${i}.${column}`);
          }
        });

      const restored: Record<string, number> = {};
      let idsKept = true;
      await db.transaction().execute(async (trx) => {
        for (const table of tables)
          if (!table.settings && (await repo.hasRows(trx, table.name, actor.userId)))
            throw new AppError('conflict', `This account already has data (${table.name}); a backup restores only into an empty account. Nothing was changed`);
        for (const table of tables)
          if (keyOf(table).includes('id') && (await repo.existingIds(trx, table.name, [...ids.get(table.name)!])) > 0) idsKept = false;

        // New ids only when the old ones are taken; references follow through the same map.
        const fresh = new Map<string, Map<string, string>>();
        const anyTable = new Map<string, string>();
        const mapId = (table: string, id: string) => {
          if (idsKept) return id;
          let map = fresh.get(table);
          if (!map) fresh.set(table, (map = new Map()));
          let next = map.get(id);
          if (!next) {
            map.set(id, (next = newId()));
            anyTable.set(id, next);
          }
          return next;
        };
        for (const table of tables) {
          const rows = (data[table.name] ?? []).map((row) => {
            const out: Row = { ...row };
            if ('owner_id' in out || columns.get(table.name)!.has('owner_id')) out.owner_id = actor.userId;
            if (typeof out.id === 'string') out.id = mapId(table.name, out.id);
            for (const [column, target] of Object.entries(table.refs ?? {})) if (typeof out[column] === 'string') out[column] = mapId(target, out[column] as string);
            for (const column of table.anyRefs ?? []) if (!idsKept && typeof out[column] === 'string') out[column] = anyTable.get(out[column] as string) ?? out[column];
            return out;
          });
          for (const column of table.instanceUnique ?? [])
            for (const row of rows)
              if (row[column] !== null && row[column] !== undefined && (await repo.valueTaken(trx, table.name, column, row[column])))
                row[column] = `${String(row[column])}-${randomBytes(3).toString('hex')}`;
          try {
            // A backup older than the table has no say about it: the account's own rows stay.
            if (table.settings && data[table.name] !== undefined) await repo.deleteOwnerRows(trx, table.name, actor.userId);
            await repo.insertRows(trx, table.name, rows);
          } catch (error) {
            throw explain(error, table.name);
          }
          restored[table.name] = rows.length;
        }
        await rebuildSearch(trx, actor.userId);
        const account = parsed.data.account;
        if (account && (account.name || account.timezone))
          await trx
            .updateTable('user')
            .set({ ...(account.name && { name: account.name }), ...(account.timezone && { timezone: account.timezone }) })
            .where('id', '=', actor.userId)
            .execute();
      });
      return { restored, idsKept };
    },
  };

  /** The search index of the restored contacts and interactions, as their own writes would have built it. */
  async function rebuildSearch(trx: Kysely<DB>, ownerId: string) {
    const contactIds = (await trx.selectFrom('contact').select('id').where('owner_id', '=', ownerId).execute()).map((r) => r.id);
    for (let i = 0; i < contactIds.length; i += 500) await reindexContacts(trx, dialect, ownerId, contactIds.slice(i, i + 500));
    let after: string | undefined;
    for (;;) {
      let q = trx.selectFrom('interaction').select(['id', 'summary', 'notes']).where('owner_id', '=', ownerId);
      if (after) q = q.where('id', '>', after);
      const rows = await q.orderBy('id').limit(PAGE).execute();
      if (rows.length === 0) break;
      await indexInteractions(trx, dialect, ownerId, rows);
      after = rows.at(-1)!.id;
    }
  }
}

export type BackupService = ReturnType<typeof backupService>;
