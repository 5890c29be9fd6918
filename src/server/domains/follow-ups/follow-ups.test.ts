import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';
import { listFollowUps } from './follow-ups.repository';

describe.each(dialects)('follow-ups API on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  // 2026-03-10 23:30 in UTC is already 2026-03-11 in Tokyo: "today" must be the user's day.
  let now = new Date('2026-03-10T23:30:00Z');
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());

  const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

  it('lists due ones oldest first in the user’s time zone; snoozed and done ones leave the list', async () => {
    expect((await t.call(alice, 'PATCH', '/me', { timezone: 'Asia/Tokyo' })).statusCode).toBe(200);
    const c = (await t.call(alice, 'POST', '/contacts', { name: 'Ada' })).json();
    const make = async (dueOn: string, reason: string) => (await t.call(alice, 'POST', '/follow-ups', { contactId: c.id, dueOn, reason })).json();
    const late = await make('2026-03-01', 'Send the article');
    const today = await make('2026-03-11', 'Ask about the launch');
    const later = await make('2026-03-12', 'Congratulate');
    const earliest = await make('2026-02-20', 'Intro to Grace');
    expect(late).toMatchObject({ contactId: c.id, contactName: 'Ada', dueOn: '2026-03-01', done: false, doneAt: null, snoozedUntil: null });

    expect(ids(await t.call(alice, 'GET', '/follow-ups?status=due'))).toEqual([earliest.id, late.id, today.id]);
    expect(ids(await t.call(alice, 'GET', '/follow-ups?status=upcoming'))).toEqual([later.id]);

    const snoozed = await t.call(alice, 'PATCH', `/follow-ups/${late.id}`, { snoozedUntil: '2026-03-15' });
    expect(snoozed.json()).toMatchObject({ snoozedUntil: '2026-03-15', dueOn: '2026-03-01' });
    const done = await t.call(alice, 'PATCH', `/follow-ups/${earliest.id}`, { done: true });
    expect(done.json()).toMatchObject({ done: true, doneAt: now.toISOString() });
    expect(ids(await t.call(alice, 'GET', '/follow-ups?status=due'))).toEqual([today.id]);
    expect(ids(await t.call(alice, 'GET', '/follow-ups?status=done'))).toEqual([earliest.id]);
    expect(ids(await t.call(alice, 'GET', '/follow-ups'))).toEqual([today.id, later.id, late.id]);

    // Time passes: the snooze ends and the follow-up is due again, ordered by when it resurfaced.
    now = new Date('2026-03-15T01:00:00Z');
    expect(ids(await t.call(alice, 'GET', '/follow-ups?status=due'))).toEqual([today.id, later.id, late.id]);
    // Clearing the snooze puts it back at its due date; reopening clears doneAt.
    await t.call(alice, 'PATCH', `/follow-ups/${late.id}`, { snoozedUntil: null });
    expect(ids(await t.call(alice, 'GET', '/follow-ups?status=due'))[0]).toBe(late.id);
    expect((await t.call(alice, 'PATCH', `/follow-ups/${earliest.id}`, { done: false })).json()).toMatchObject({ done: false, doneAt: null });
    expect(ids(await t.call(alice, 'GET', `/follow-ups?status=all&contactId=${c.id}`))).toEqual([earliest.id, late.id, today.id, later.id]);
  });

  it('pages with a cursor, and deleting removes', async () => {
    const c = (await t.call(bob, 'POST', '/contacts', { name: 'Paged' })).json();
    for (let d = 1; d <= 5; d++) await t.call(bob, 'POST', '/follow-ups', { contactId: c.id, dueOn: `2026-01-0${d}`, reason: `r${d}` });
    const first = (await t.call(bob, 'GET', '/follow-ups?status=due&limit=2')).json();
    const second = (await t.call(bob, 'GET', `/follow-ups?status=due&limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await t.call(bob, 'GET', `/follow-ups?status=due&limit=2&cursor=${second.nextCursor}`)).json();
    expect([...first.items, ...second.items, ...third.items].map((f: { reason: string }) => f.reason)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(third.nextCursor).toBeNull();
    expect((await t.call(bob, 'DELETE', `/follow-ups/${first.items[0].id}`)).statusCode).toBe(204);
    expect((await t.call(bob, 'GET', `/follow-ups/${first.items[0].id}`)).statusCode).toBe(404);
  });

  it('refuses impossible dates, unknown statuses and other people’s contacts', async () => {
    const c = (await t.call(alice, 'POST', '/contacts', { name: 'Checked' })).json();
    const bad = await t.call(alice, 'POST', '/follow-ups', { contactId: c.id, dueOn: '2026-02-30', reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['dueOn', 'reason']);
    expect((await t.call(alice, 'GET', '/follow-ups?status=someday')).statusCode).toBe(400);
    const theirs = (await t.call(bob, 'POST', '/contacts', { name: 'Not yours' })).json();
    expect((await t.call(alice, 'POST', '/follow-ups', { contactId: theirs.id, dueOn: '2026-04-01', reason: 'x' })).statusCode).toBe(404);
    expect((await t.call(alice, 'GET', `/follow-ups?contactId=${theirs.id}`)).statusCode).toBe(404);
  });

  it('goes away with its contact', async () => {
    const c = (await t.call(alice, 'POST', '/contacts', { name: 'Temporary' })).json();
    const f = (await t.call(alice, 'POST', '/follow-ups', { contactId: c.id, dueOn: '2026-01-01', reason: 'x' })).json();
    await t.call(alice, 'DELETE', `/contacts/${c.id}`);
    expect((await t.call(alice, 'GET', `/follow-ups/${f.id}`)).statusCode).toBe(404);
  });

  it.runIf(dialect === 'postgres')('runs the list as a prepared statement on PostgreSQL, with each call’s values', async () => {
    const c = (await t.call(alice, 'POST', '/contacts', { name: 'Prepared' })).json();
    for (const dueOn of ['2026-01-02', '2026-01-03']) await t.call(alice, 'POST', '/follow-ups', { contactId: c.id, dueOn, reason: 'p' });
    // One pinned connection: prepared statements belong to the connection that prepared them.
    await t.database.db.connection().execute(async (conn) => {
      const filter = { ownerId: alice.userId, status: 'due' as const, today: '2026-01-02', contactId: c.id };
      expect((await listFollowUps(conn, filter, 10)).map((r) => r.due_on)).toEqual(['2026-01-02']);
      expect((await listFollowUps(conn, { ...filter, today: '2026-01-03' }, 10)).map((r) => r.due_on)).toEqual(['2026-01-02', '2026-01-03']);
      // Both calls ran the one statement of this shape (page size 10 is in its text; no other test asks for it).
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like '%from "follow_up" as "f"% limit 10'`.execute(conn);
      expect(rows[0]!.n).toBe(1);
    });
  });

  it('pages every list with a cursor: done ones newest first, the rest by date', async () => {
    const carol = await t.signUp();
    const c = (await t.call(carol, 'POST', '/contacts', { name: 'Cursor' })).json();
    const made: string[] = [];
    for (let d = 1; d <= 5; d++) made.push((await t.call(carol, 'POST', '/follow-ups', { contactId: c.id, dueOn: `2026-04-0${d}`, reason: `r${d}` })).json().id);
    // Done one after another (the clock moves on), so done_at orders them: the last one done first.
    const saved = now;
    for (const [k, id] of made.slice(0, 3).entries()) {
      now = new Date(Date.parse('2026-03-20T10:00:00.000Z') + k * 60_000);
      await t.call(carol, 'PATCH', `/follow-ups/${id}`, { done: true });
    }
    now = saved;
    const walk = async (status: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (await t.call(carol, 'GET', `/follow-ups?status=${status}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await walk('done')).toEqual([made[2], made[1], made[0]]);
    expect(await walk('upcoming')).toEqual([made[3], made[4]]);
    expect(await walk('all')).toEqual(made);
  });
});
