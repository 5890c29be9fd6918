import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { dialectOf } from './dialect';
import { prepareOnPostgres } from './prepared';

/**
 * Statements on hot paths built and compiled once per dialect: building a Kysely query (a union of
 * several branches above all) costs more CPU than SQLite takes to run a small indexed one. The query
 * is built with `slot(name)` where each value goes; each call fills the slots in by name.
 * A slot is a string no caller can pass (it starts with a NUL character).
 */
export const slot = (name: string): string => `\u0000${name}`;

const cache = new Map<string, CompiledQuery>();

/**
 * The statement `key` compiled once per dialect: `compile` runs on the first call only. The key must
 * name everything that shapes the statement's text. The one cache behind runCompiled (named slots)
 * and db/batch-insert.ts (positional placeholders).
 */
export function compileOnce(db: Kysely<any>, key: string, compile: () => CompiledQuery): CompiledQuery {
  const cacheKey = `${dialectOf(db)}|${key}`;
  let query = cache.get(cacheKey);
  if (!query) {
    query = compile();
    cache.set(cacheKey, query);
  }
  return query;
}

/** For each parameter of a compiled statement, the slot name it takes its value from, or undefined to keep the compiled value. */
const slotNames = new WeakMap<CompiledQuery, (string | undefined)[]>();

/**
 * Runs the statement `key` (built by `build` the first time, per dialect) with the slots filled from
 * `values`. The key must name one query shape: a builder that varies with its input needs one key per shape.
 * `prepare` makes it a named prepared statement on PostgreSQL.
 */
export async function runCompiled<R>(
  db: Kysely<any>,
  key: string,
  build: () => Compilable<R>,
  values: Record<string, unknown>,
  options: { prepare?: boolean } = {},
): Promise<R[]> {
  const query = compileOnce(db, key, () => build().compile());
  let names = slotNames.get(query);
  if (!names) {
    names = query.parameters.map((p) => (typeof p === 'string' && p.startsWith('\u0000') ? p.slice(1) : undefined));
    slotNames.set(query, names);
    // Planned once per PostgreSQL connection (db/prepared.ts): only for a statement whose plan does
    // not depend on the values.
    if (options.prepare && dialectOf(db) === 'postgres') prepareOnPostgres(query.sql);
  }
  const parameters = names.map((name, i) => {
    if (name === undefined) return query.parameters[i];
    if (!(name in values)) throw new Error(`No value for ${name} in ${key}`);
    return values[name];
  });
  const { rows } = await db.executeQuery<R>({ ...query, parameters } as CompiledQuery<R>);
  return rows;
}
