import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { compileOnce as compileOnceBy } from './compiled-once';

/**
 * Multi-row INSERTs whose statement is built and compiled once per shape (dialect, table, columns,
 * row count, conflict and returning clauses); each call only lays the values out in one flat array.
 * Building a 500-row insert with Kysely turns every value into a node (and a frozen object) and
 * compiles them into a new string each time: for an import of 30,000 rows that was a good part of its
 * CPU time and most of its garbage. Row counts are a full chunk or a power of two below it, so a table
 * has at most a dozen shapes (and as many prepared statements).
 */
export interface BatchInsertOptions {
  /** Rows per statement (keep rows × columns within PostgreSQL's 65,535 and SQLite's 32,766 parameters). */
  chunk: number;
  /** `nothing`: ON CONFLICT DO NOTHING; a column list: ON CONFLICT (those columns) DO NOTHING. */
  onConflict?: 'nothing' | readonly string[];
  returning?: readonly string[];
}

/** A value no caller passes: what a statement is compiled with, in every place a value will go. */
export const PLACEHOLDER = '\u0000batch-placeholder';

/**
 * The statement `build` makes, compiled once per dialect and `key` (which must name everything that
 * shapes its text). It must take PLACEHOLDER for each of its `parameters` values and nothing else.
 */
export function compileOnce(db: Kysely<any>, key: string, parameters: number, build: () => Compilable): CompiledQuery {
  return compileOnceBy(db, key, () => {
    const query = build().compile();
    if (query.parameters.length !== parameters || query.parameters.some((p) => p !== PLACEHOLDER))
      throw new Error(`compiled statement ${key}: unexpected parameters`);
    return query;
  });
}

function statementFor(db: Kysely<any>, table: string, columns: readonly string[], rows: number, options: BatchInsertOptions): CompiledQuery {
  const conflict = options.onConflict === undefined ? '' : options.onConflict === 'nothing' ? 'nothing' : options.onConflict.join(',');
  const key = `insert|${table}|${columns.join(',')}|${rows}|${conflict}|${options.returning?.join(',') ?? ''}`;
  // The values are the statement's only parameters, in row order: a call's values take their place.
  return compileOnce(db, key, rows * columns.length, () => {
    const row = Object.fromEntries(columns.map((c) => [c, PLACEHOLDER]));
    let builder = db.insertInto(table).values(Array.from({ length: rows }, () => row));
    const onConflict = options.onConflict;
    if (onConflict === 'nothing') builder = builder.onConflict((oc) => oc.doNothing());
    else if (onConflict) builder = builder.onConflict((oc) => oc.columns(onConflict as string[]).doNothing());
    return options.returning ? builder.returning(options.returning as string[]) : builder;
  });
}

/** The statement sizes for `total` rows: full chunks, then the remainder as powers of two. */
export function sizes(total: number, chunk: number): number[] {
  const out: number[] = [];
  let left = total;
  while (left >= chunk) {
    out.push(chunk);
    left -= chunk;
  }
  for (let size = 1 << Math.floor(Math.log2(Math.max(chunk, 1))); left > 0; size >>= 1) {
    while (left >= size) {
      out.push(size);
      left -= size;
    }
  }
  return out;
}

/**
 * Inserts `rows` (each an array of values in `columns` order) into `table`, `options.chunk` rows a
 * statement; returns the `returning` columns of every row inserted (in statement order).
 */
export async function batchInsert<R = Record<string, unknown>>(
  db: Kysely<any>,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: BatchInsertOptions,
): Promise<R[]> {
  const returned: R[] = [];
  let at = 0;
  for (const size of sizes(rows.length, options.chunk)) {
    const query = statementFor(db, table, columns, size, options);
    const parameters: unknown[] = new Array(size * columns.length);
    let p = 0;
    for (let r = at; r < at + size; r++) {
      const row = rows[r]!;
      for (let c = 0; c < columns.length; c++) {
        const value = row[c];
        parameters[p++] = value === undefined ? null : value;
      }
    }
    at += size;
    const result = await db.executeQuery<R>({ ...query, parameters });
    if (options.returning) for (const r of result.rows) returned.push(r);
  }
  return returned;
}
