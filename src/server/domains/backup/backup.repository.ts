import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

type Row = Record<string, unknown>;

/** Tables of the database with their columns, as the database itself reports them. */
export async function tableColumns(db: Kysely<DB>): Promise<Map<string, Set<string>>> {
  const tables = await db.introspection.getTables();
  return new Map(tables.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
}

/** A page of an owner's rows of a table in key order, after a keyset position. */
export async function rowPage(db: Kysely<DB>, table: string, key: string[], ownerId: string, limit: number, after?: unknown[]): Promise<Row[]> {
  const d = db as unknown as Kysely<any>;
  let q = d.selectFrom(table).selectAll().where('owner_id', '=', ownerId);
  if (after) {
    const columns = sql.join(key.map((k) => sql.ref(k)));
    q = q.where(sql<boolean>`(${columns}) > (${sql.join(after)})`);
  }
  for (const k of key) q = q.orderBy(k);
  return q.limit(limit).execute();
}

/** Whether the owner has any row in the table. */
export async function hasRows(db: Kysely<DB>, table: string, ownerId: string): Promise<boolean> {
  const d = db as unknown as Kysely<any>;
  return Boolean(await d.selectFrom(table).select(sql.lit(1).as('one')).where('owner_id', '=', ownerId).limit(1).executeTakeFirst());
}

/** Which of these ids a table already holds (anyone's). */
export async function existingIds(db: Kysely<DB>, table: string, ids: string[]): Promise<number> {
  const d = db as unknown as Kysely<any>;
  let found = 0;
  for (let i = 0; i < ids.length; i += 5000) {
    const row = await d
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('id', 'in', ids.slice(i, i + 5000))
      .executeTakeFirstOrThrow();
    found += Number(row.n);
  }
  return found;
}

export async function deleteOwnerRows(db: Kysely<DB>, table: string, ownerId: string): Promise<void> {
  await (db as unknown as Kysely<any>).deleteFrom(table).where('owner_id', '=', ownerId).execute();
}

/** Inserts rows in batches that stay under both dialects' limit of bound parameters. */
export async function insertRows(db: Kysely<DB>, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length || 1;
  const batch = Math.max(1, Math.floor(30_000 / columns));
  const d = db as unknown as Kysely<any>;
  for (let i = 0; i < rows.length; i += batch) await d.insertInto(table).values(rows.slice(i, i + batch)).execute();
}

/** Whether any row of the table (anyone's) has this value in the column. */
export async function valueTaken(db: Kysely<DB>, table: string, column: string, value: unknown): Promise<boolean> {
  const d = db as unknown as Kysely<any>;
  return Boolean(await d.selectFrom(table).select(sql.lit(1).as('one')).where(column, '=', value).limit(1).executeTakeFirst());
}
