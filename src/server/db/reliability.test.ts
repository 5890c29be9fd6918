import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../services';
import { createSqliteDatabase } from './database';
import { createTestDatabase, dialects, type TestDatabase } from './test-helpers';
import { migrateToLatest } from './migrate';

const writer = join(import.meta.dirname, 'test-fixtures', 'write-contacts.ts');

function startWriter(file: string, userId: string, count: number, batch: number | 'log', contactId = '') {
  return spawn(process.execPath, ['--import', 'tsx', writer, file, userId, String(count), String(batch), contactId], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function exitOf(child: ReturnType<typeof startWriter>) {
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise<{ code: number; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code: code ?? -1, stderr })));
}

async function makeUser(database: TestDatabase) {
  const services = await createServices({ database, config: { openSignup: false, baseUrl: 'http://localhost' } });
  const user = await services.account.createUser({ email: 'owner@example.com', password: 'a long passphrase' });
  return { services, actor: { userId: user.id, email: user.email, name: user.name, role: 'admin' as const, timezone: 'UTC', via: 'cli' as const } };
}

describe('SQLite reliability', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('loses nothing when another process writes at the same time (WAL + busy timeout)', async () => {
    database = await createTestDatabase('sqlite');
    const { services, actor } = await makeUser(database);
    const child = startWriter(database.url, actor.userId, 60, 1);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const childDone = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    for (let i = 0; i < 60; i++) await services.contacts.create(actor, { name: `Parent ${i}`, tags: ['parent'] });
    expect(await childDone, stderr).toBe(0);
    const count = await database.db.selectFrom('contact').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(120);
    const found = await services.search.search(actor, { q: 'child', limit: 50 });
    expect(found.items.length).toBeGreaterThan(0);
  });

  it('waits for the lock instead of failing when writers that read first race (BEGIN IMMEDIATE)', async () => {
    database = await createTestDatabase('sqlite');
    const { services, actor } = await makeUser(database);
    const contact = await services.contacts.create(actor, { name: 'Busy person', cadenceDays: 7 });
    const children = [startWriter(database.url, actor.userId, 40, 'log', contact.id), startWriter(database.url, actor.userId, 40, 'log', contact.id)].map(exitOf);
    for (let i = 0; i < 40; i++)
      await services.interactions.create(actor, { contactIds: [contact.id], kind: 'call', occurredAt: new Date(Date.UTC(2026, 1, 1, 0, 0, i)).toISOString(), summary: `Parent ${i}` });
    for (const result of await Promise.all(children)) expect(result.code, result.stderr).toBe(0);
    const timeline = await services.interactions.listForContact(actor, contact.id, { limit: 200 });
    expect(timeline.items).toHaveLength(120);
    expect((await services.contacts.get(actor, contact.id)).lastInteractionAt).toBe('2026-02-01T00:00:39.000Z');
  });

  it('keeps every committed row and opens cleanly after SIGKILL in the middle of a bulk write', async () => {
    database = await createTestDatabase('sqlite');
    const { actor } = await makeUser(database);
    await database.close();
    const child = startWriter(database.url, actor.userId, 1_000_000, 500);
    let committed = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        const last = String(d).trim().split('\n').at(-1)!;
        committed = Number(last.split(' ')[1]);
        if (committed >= 3000) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.on('exit', r));
    const raw = new Database(database.url);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = (raw.prepare('select count(*) as n from contact').get() as { n: number }).n;
    raw.close();
    expect(rows).toBeGreaterThanOrEqual(committed);
    expect(rows % 500).toBe(0); // whole transactions only: no half-written batch
    const reopened = createSqliteDatabase(database.url);
    await migrateToLatest(reopened.db);
    await reopened.close();
  });
});

describe.each(dialects)('migrations on %s', (dialect) => {
  it('run once, even when several processes start together', async () => {
    const database = await createTestDatabase(dialect, { migrate: false });
    try {
      const runs = [0, 1, 2].map(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'test-fixtures', 'migrate.ts'), database.url], { stdio: ['ignore', 'pipe', 'pipe'] });
            let out = '';
            let err = '';
            child.stdout.on('data', (d) => (out += d));
            child.stderr.on('data', (d) => (err += d));
            child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
          }),
      );
      const results = await Promise.all(runs);
      // Between them the three runs applied every migration exactly once, in order (the list grows
      // with each feature, so it is read from what was applied rather than written out here).
      const ran = results.flat();
      expect(ran.slice(0, 2)).toEqual(['0001-initial', '0002-archived-in-list-indexes']);
      expect(ran).toEqual([...new Set(ran)].sort());
      expect(await migrateToLatest(database.db)).toEqual([]);
      const applied = await (database.db as any).selectFrom('schema_migration').select('name').orderBy('name').execute();
      expect(applied.map((r: { name: string }) => r.name)).toEqual(ran);
    } finally {
      await database.drop();
    }
  });
});
