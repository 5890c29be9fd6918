import type { CompiledQuery, Kysely, RawBuilder } from 'kysely';
import { dialectOf } from './dialect';
import type { DB } from './schema';
import type pg from 'pg';

/**
 * Statements that run as named prepared statements on PostgreSQL: planned once per connection and
 * then only executed, instead of parsed and planned on every call (about 1 ms for the contacts list
 * page, more than it takes to run). Only for statements whose plan does not depend on the values
 * (the shape is fixed by the SQL, and the values the plan would care about are hidden from it), so
 * PostgreSQL's generic plan is the plan a call would get anyway. Keyed by SQL text; bounded.
 */
const names = new Map<string, string>();
const MAX_PREPARED = 200;

export function prepareOnPostgres(text: string): void {
  if (!names.has(text) && names.size < MAX_PREPARED) names.set(text, `rapport_${names.size + 1}`);
}

/** Runs a compiled statement, on PostgreSQL as a prepared one (for statements whose plan does not depend on the values). */
export async function executePrepared<R>(db: Kysely<DB>, compiled: CompiledQuery<R>): Promise<R[]> {
  if (dialectOf(db) === 'postgres') prepareOnPostgres(compiled.sql);
  return (await db.executeQuery(compiled)).rows;
}

/** Runs a raw statement, on PostgreSQL as a prepared one. */
export const runPrepared = <R>(db: Kysely<DB>, query: RawBuilder<R>): Promise<R[]> => executePrepared(db, query.compile(db));

const patched = new WeakSet<pg.PoolClient>();

/**
 * Makes the client run marked statements by name. A statement prepared before a migration changed
 * the columns it returns fails with "cached plan must not change result type": it is then run
 * unnamed, which plans it afresh.
 */
export function withPreparedStatements(client: pg.PoolClient): pg.PoolClient {
  if (patched.has(client)) return client;
  patched.add(client);
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
  client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof text === 'string' && Array.isArray(values) && callback === undefined ? names.get(text) : undefined;
    if (!name) return query(text, values, callback);
    return query({ name, text, values }).catch((error: { code?: string }) => {
      if (error.code === '0A000') return query(text, values);
      throw error;
    });
  }) as typeof client.query;
  return client;
}
