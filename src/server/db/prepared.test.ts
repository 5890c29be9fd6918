import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareOnPostgres } from './prepared';
import { createTestDatabase, type TestDatabase } from './test-helpers';

describe('prepared statements on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres', { migrate: false });
    await sql`create table prepared_probe (id int primary key, name text)`.execute(database.db);
    await sql`insert into prepared_probe values (1, 'one'), (2, 'two')`.execute(database.db);
  });
  afterAll(() => database?.drop());

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

  it('still answers after a migration changed the columns the prepared statement returns', async () => {
    // One connection, so the statement prepared above is the one asked again.
    for (let i = 0; i < 6; i++) await read(1);
    await sql`alter table prepared_probe add column note text`.execute(database.db);
    expect(await read(1)).toEqual([{ id: 1, name: 'one', note: null }]);
  });
});
