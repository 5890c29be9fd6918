import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchInsert, sizes } from './batch-insert';
import { createTestDatabase, dialects, type TestDatabase } from './test-helpers';

describe('sizes', () => {
  it('splits a list into full chunks, then powers of two, covering it exactly', () => {
    expect(sizes(0, 500)).toEqual([]);
    expect(sizes(1237, 500)).toEqual([500, 500, 128, 64, 32, 8, 4, 1]);
    for (const [total, chunk] of [[1, 1], [7, 3], [999, 100], [200, 200], [65, 64]] as const) {
      const parts = sizes(total, chunk);
      expect(parts.reduce((s, n) => s + n, 0)).toBe(total);
      expect(parts.every((n) => n > 0 && n <= chunk)).toBe(true);
    }
  });
});

describe.each(dialects)('batchInsert (%s)', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });

  const termsOf = async (owner: string) =>
    (await database.db.selectFrom('search_term').select('term').where('owner_id', '=', owner).orderBy('term').execute()).map((r) => r.term);

  it('writes every row of a list of any length, in chunks and remainders, and returns what it was asked for', async () => {
    const terms = Array.from({ length: 1237 }, (_, i) => `word${String(i).padStart(4, '0')}`);
    const returned = await batchInsert<{ term: string }>(database.db, 'search_term', ['owner_id', 'term'], terms.map((t) => ['a', t]), { chunk: 500, returning: ['term'] });
    expect(returned.map((r) => r.term).sort()).toEqual(terms);
    expect(await termsOf('a')).toEqual(terms);
    // The same shapes again (compiled statements reused) with other values, and an empty list.
    await batchInsert(database.db, 'search_term', ['owner_id', 'term'], terms.map((t) => ['b', t]), { chunk: 500 });
    await batchInsert(database.db, 'search_term', ['owner_id', 'term'], [], { chunk: 500 });
    expect(await termsOf('b')).toEqual(terms);
  });

  it('skips rows that conflict when asked to', async () => {
    await batchInsert(database.db, 'search_term', ['owner_id', 'term'], [['c', 'x'], ['c', 'y']], { chunk: 500, onConflict: ['owner_id', 'term'] });
    await batchInsert(database.db, 'search_term', ['owner_id', 'term'], [['c', 'y'], ['c', 'z'], ['c', 'x']], { chunk: 2, onConflict: ['owner_id', 'term'] });
    expect(await termsOf('c')).toEqual(['x', 'y', 'z']);
    await expect(batchInsert(database.db, 'search_term', ['owner_id', 'term'], [['c', 'x']], { chunk: 500 })).rejects.toThrow();
  });
});
