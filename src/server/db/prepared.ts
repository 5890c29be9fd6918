import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
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

/**
 * A value as `(select $n::type)`: the planner cannot see it, so its plan for a prepared statement is
 * the same whatever the value. Without this, PostgreSQL (plan_cache_mode auto) compares the generic
 * plan's estimate with the custom plans' and, where a value makes a custom plan look cheaper, plans
 * anew on every execution (measured: 0.19 ms of planning for a 0.19 ms due-follow-ups page).
 * PostgreSQL only: SQLite has no `::`.
 */
export const hiddenValue = <T>(value: T, type: 'text' | 'boolean' | 'date' | 'timestamptz') => sql<T>`(select ${value}::${sql.raw(type)})`;

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
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const run = (config: unknown, values?: unknown) =>
    new Promise<pg.QueryResult>((resolve, reject) => {
      query(config, values, (error: Error | null, result: pg.QueryResult) => (error ? reject(error) : resolve(result)));
    });
  client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
    if (callback !== undefined || typeof values === 'function' || typeof (text as { submit?: unknown } | null)?.submit === 'function') return query(text, values, callback);
    const name = typeof text === 'string' && Array.isArray(values) ? names.get(text) : undefined;
    if (!name) return run(text, values);
    return run({ name, text, values }).catch((error: { code?: string }) => {
      if (error.code === '0A000') return run(text, values);
      throw error;
    });
  }) as typeof client.query;
  return client;
}
