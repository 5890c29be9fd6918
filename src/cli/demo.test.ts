import { afterAll, describe, expect, it } from 'vitest';
import { createCliDatabase, expectOneLineError, expectSuccess, runCli, runJson, type CliDatabase } from './test-helpers';

const databases: CliDatabase[] = [];
afterAll(async () => {
  for (const db of databases) await db.drop();
});

async function database(dialect: 'sqlite' | 'postgres') {
  const db = await createCliDatabase(dialect);
  databases.push(db);
  return db;
}

const seedAndClock = ['--seed', '7', '--now', '2025-06-30T12:00:00Z'];

/** What a listing shows of a contact, without the ids and timestamps each database assigns. */
const portable = ({ id, organizationId, createdAt, updatedAt, ...contact }: Record<string, unknown>) => contact;

// Loading the full demo takes about ten seconds on an idle machine; much more on a busy CI runner.
const demoTimeout = 170_000;

describe('rapport demo', { timeout: 180_000 }, () => {
  it('creates a realistic network: a few hundred contacts across organizations, thousands of interactions, notes, follow-ups', async () => {
    const { env } = await database('sqlite');
    const result = await runJson(['demo', ...seedAndClock], { env, timeoutMs: demoTimeout });
    expect(result).toMatchObject({ email: 'demo@rapport.local', seed: 7, password: expect.any(String) });
    const { counts } = result;
    expect(counts.contacts).toBe(300);
    expect(counts.organizations).toBeGreaterThanOrEqual(20);
    expect(counts.interactions).toBeGreaterThanOrEqual(2000);
    expect(counts.notes).toBeGreaterThanOrEqual(100);
    expect(counts.followUps).toBeGreaterThanOrEqual(50);

    const [listed, again] = await Promise.all([
      runJson(['contacts', 'list', '--all'], { env }),
      // Loading twice into the same account would duplicate everything.
      runCli(['demo', ...seedAndClock], { env }),
    ]);
    expect(listed.items).toHaveLength(300);
    expect(new Set(listed.items.map((c: any) => c.organization).filter(Boolean)).size).toBeGreaterThanOrEqual(20);
    // Derived facts came from the interactions: everyone was last seen within the two years.
    expect(listed.items.every((c: any) => c.lastInteractionAt >= '2023-06-29' && c.lastInteractionAt <= '2025-06-30T12:00:00.000Z')).toBe(true);
    expectOneLineError(again, 5, /demo@rapport\.local already has data/);
  });

  it('is deterministic: the same --seed and --now give the same data in another database', async () => {
    // Smaller than the default to stay quick; the generator's own test covers the full size.
    const small = ['--contacts', '40', ...seedAndClock];
    const [one, two] = await Promise.all([database('sqlite'), database('sqlite')]);
    const [asJson, asText] = await Promise.all([runJson(['demo', ...small], { env: one.env }), runCli(['demo', ...small], { env: two.env })]);
    const { counts } = asJson;
    expect(counts.contacts).toBe(40);
    expectSuccess(asText);
    const summary = /^Demo ready for demo@rapport\.local \(seed 7\): (\d+) contacts, (\d+) organizations, (\d+) interactions, (\d+) notes, (\d+) follow-ups in [\d.]+ s$/m.exec(asText.stdout);
    expect(summary, asText.stdout).not.toBeNull();
    expect(summary!.slice(1).map(Number)).toEqual([counts.contacts, counts.organizations, counts.interactions, counts.notes, counts.followUps]);
    expect(asText.stdout).toMatch(/^Password: \S+ {2}\(shown once; store it now\)$/m);

    const [listOne, listTwo] = await Promise.all([
      runJson(['contacts', 'list', '--all', '--sort', 'lastInteraction'], { env: one.env }),
      runJson(['contacts', 'list', '--all', '--sort', 'lastInteraction'], { env: two.env }),
    ]);
    expect(listOne.items).toHaveLength(40);
    // Everything a listing shows, derived dates included, is equal; only ids and timestamps differ.
    expect(listTwo.items.map(portable)).toEqual(listOne.items.map(portable));
  });

  it('loads on PostgreSQL too, next to an existing account', async () => {
    const { env } = await database('postgres');
    await runJson(['user', 'add', 'ada@example.com', '--password-stdin'], { env, input: 'a long passphrase' });
    const result = await runJson(['demo', '--contacts', '20', '--email', 'demo@example.com', ...seedAndClock], { env });
    expect(result.counts).toMatchObject({ contacts: 20, notes: expect.any(Number) });
    const [listed, bad] = await Promise.all([
      runJson(['contacts', 'list', '--all', '--user', 'demo@example.com'], { env }),
      runCli(['demo', '--contacts', '5'], { env }),
    ]);
    expect(listed.items).toHaveLength(20);
    expect(listed.items.every((c: any) => c.lastInteractionAt !== null)).toBe(true);
    expectOneLineError(bad, 2, /^rapport: --contacts must be at least 10$/);
  });
});
