import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompiled, slot } from './compiled-once';
import pg from 'pg';
import { prepareOnPostgres, withPreparedStatements } from './prepared';
import { createTestDatabase, type TestDatabase } from './test-helpers';

describe('prepared statements on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres', { migrate: false });
    await sql`create table prepared_probe (id int primary key, name text)`.execute(database.db);
    await sql`insert into prepared_probe values (1, 'one'), (2, 'two')`.execute(database.db);
  });
  afterAll(() => database?.drop());

  /** A client of a pool of its own, patched as the app's pool patches each one it connects. */
  const pools: pg.Pool[] = [];
  const withPreparedStatementsClient = async (url: string) => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    pools.push(pool);
    return withPreparedStatements(await pool.connect());
  };
  afterAll(() => Promise.all(pools.map((p) => p.end())));

  const read = async (id: number) => {
    const compiled = sql<Record<string, unknown>>`select * from prepared_probe where id = ${id}`.compile(database.db);
    prepareOnPostgres(compiled.sql);
    return (await database.db.executeQuery(compiled)).rows;
  };

  it('runs a marked statement by name with each call’s values', async () => {
    expect(await read(1)).toEqual([{ id: 1, name: 'one' }]);
    expect(await read(2)).toEqual([{ id: 2, name: 'two' }]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like 'select * from prepared_probe%'`.execute(database.db);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('prepares a statement compiled once when runCompiled is asked to', async () => {
    const build = () => database.db.selectFrom('prepared_probe' as never).select('name' as never).where('id' as never, '=', slot('id') as never);
    expect(await runCompiled(database.db, 'prepared.probe.name', build as never, { id: 2 }, { prepare: true })).toEqual([{ name: 'two' }]);
    expect(await runCompiled(database.db, 'prepared.probe.name', build as never, { id: 1 }, { prepare: true })).toEqual([{ name: 'one' }]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like 'select "name" from "prepared_probe"%'`.execute(database.db);
    expect(rows[0]!.n).toBe(1);
  });

  it('rejects with PostgreSQL’s own error, marked or not, and leaves the callback and query-object forms alone', async () => {
    const failing = sql`select 1 / ${0}::int as n`.compile(database.db);
    prepareOnPostgres(failing.sql);
    await expect(database.db.executeQuery(failing)).rejects.toMatchObject({ code: '22012', message: 'division by zero' });
    await expect(database.db.executeQuery(sql`select 1 / ${0}::int as m`.compile(database.db))).rejects.toMatchObject({ code: '22012' });
    const client = await withPreparedStatementsClient(database.url);
    try {
      const viaCallback = await new Promise<pg.QueryResult>((resolve, reject) => client.query('select $1::int as n', [7], (error, result) => (error ? reject(error) : resolve(result))));
      expect(viaCallback.rows).toEqual([{ n: 7 }]);
      expect((await client.query({ text: 'select $1::text as s', values: ['config'] })).rows).toEqual([{ s: 'config' }]);
      const read = sql<Record<string, unknown>>`select name from prepared_probe where id = ${2}`.compile(database.db);
      prepareOnPostgres(read.sql);
      expect((await client.query(read.sql, [...read.parameters])).rows).toEqual([{ name: 'two' }]);
    } finally {
      client.release();
    }
  });

  it('still answers after a migration changed the columns the prepared statement returns', async () => {
    // One connection, so the statement prepared above is the one asked again.
    for (let i = 0; i < 6; i++) await read(1);
    await sql`alter table prepared_probe add column note text`.execute(database.db);
    expect(await read(1)).toEqual([{ id: 1, name: 'one', note: null }]);
  });
});
