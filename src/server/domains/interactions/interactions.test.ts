import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import { fixedClock } from '../../platform/clock';

describe.each(dialects)('interactions API on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: fixedClock('2026-06-15T12:00:00Z') });
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());

  const contact = async (user: TestUser, body: object) => (await t.call(user, 'POST', '/contacts', body)).json();
  const log = (user: TestUser, body: object) => t.call(user, 'POST', '/interactions', { kind: 'call', summary: 'Caught up', ...body });

  it('logs an interaction and keeps last interaction and next due date current', async () => {
    const ada = await contact(alice, { name: 'Ada', cadenceDays: 30 });
    const grace = await contact(alice, { name: 'Grace' });
    const res = await log(alice, { contactIds: [ada.id, grace.id], kind: 'coffee_chat', occurredAt: '2026-06-10T09:30:00+02:00', summary: 'Talked about compilers', durationMinutes: 45, initiatedBy: 'them' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ kind: 'coffee_chat', occurredAt: '2026-06-10T07:30:00.000Z', durationMinutes: 45, initiatedBy: 'them', notes: null });
    expect(created.contactIds.sort()).toEqual([ada.id, grace.id].sort());

    const after = (await t.call(alice, 'GET', `/contacts/${ada.id}`)).json();
    expect(after.lastInteractionAt).toBe('2026-06-10T07:30:00.000Z');
    expect(after.nextDueOn).toBe('2026-07-10');
    expect((await t.call(alice, 'GET', `/contacts/${grace.id}`)).json()).toMatchObject({ lastInteractionAt: '2026-06-10T07:30:00.000Z', nextDueOn: null });

    // An older interaction does not move "last interaction" back.
    await log(alice, { contactIds: [ada.id], occurredAt: '2026-01-01T10:00:00Z' });
    expect((await t.call(alice, 'GET', `/contacts/${ada.id}`)).json().lastInteractionAt).toBe('2026-06-10T07:30:00.000Z');

    // Moving and deleting the latest one recomputes it.
    await t.call(alice, 'PATCH', `/interactions/${created.id}`, { occurredAt: '2025-12-01T10:00:00Z' });
    expect((await t.call(alice, 'GET', `/contacts/${ada.id}`)).json()).toMatchObject({ lastInteractionAt: '2026-01-01T10:00:00.000Z', nextDueOn: '2026-01-31' });
    expect((await t.call(alice, 'DELETE', `/interactions/${created.id}`)).statusCode).toBe(204);
    expect((await t.call(alice, 'GET', `/contacts/${grace.id}`)).json()).toMatchObject({ lastInteractionAt: null });
    expect((await t.call(alice, 'GET', `/interactions/${created.id}`)).statusCode).toBe(404);
  });

  it('changing participants updates both the old and the new contacts', async () => {
    const a = await contact(alice, { name: 'Old participant' });
    const b = await contact(alice, { name: 'New participant' });
    const i = (await log(alice, { contactIds: [a.id], occurredAt: '2026-05-01T10:00:00Z' })).json();
    const res = await t.call(alice, 'PATCH', `/interactions/${i.id}`, { contactIds: [b.id], summary: 'Moved' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ contactIds: [b.id], summary: 'Moved', kind: 'call' });
    expect((await t.call(alice, 'GET', `/contacts/${a.id}`)).json().lastInteractionAt).toBeNull();
    expect((await t.call(alice, 'GET', `/contacts/${b.id}`)).json().lastInteractionAt).toBe('2026-05-01T10:00:00.000Z');
    expect((await t.call(alice, 'GET', `/contacts/${a.id}/interactions`)).json().items).toHaveLength(0);
  });

  it('pages a timeline newest first without gaps or repeats', async () => {
    const c = await contact(alice, { name: 'Timeline person' });
    const times = Array.from({ length: 7 }, (_, i) => `2026-03-0${i + 1}T10:00:00.000Z`);
    // Two interactions at the same instant: the id breaks the tie.
    for (const occurredAt of [...times, times[3]!]) await log(alice, { contactIds: [c.id], occurredAt });
    const seen: { id: string; occurredAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.call(alice, 'GET', `/contacts/${c.id}/interactions?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body: { items: { id: string; occurredAt: string }[]; nextCursor: string | null } = res.json();
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen.map((s) => s.id)).size).toBe(8);
    const instants = seen.map((s) => s.occurredAt);
    expect(instants).toEqual([...instants].sort().reverse());
  });

  it('refuses bad input naming each field, and stores nothing', async () => {
    const c = await contact(alice, { name: 'Valid' });
    const res = await log(alice, { contactIds: [c.id, c.id], kind: 'telepathy', occurredAt: 'yesterday', summary: '', durationMinutes: -5, mood: 'good' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['contactIds', 'kind', 'occurredAt', 'summary', 'durationMinutes', 'mood']));
    expect((await t.call(alice, 'GET', `/contacts/${c.id}/interactions`)).json().items).toHaveLength(0);
    expect((await t.call(alice, 'GET', `/contacts/${c.id}/interactions?cursor=garbage`)).statusCode).toBe(400);
  });

  it("treats someone else's contacts and interactions as missing", async () => {
    const mine = await contact(alice, { name: 'Mine' });
    const theirs = await contact(bob, { name: 'Theirs' });
    expect((await log(alice, { contactIds: [mine.id, theirs.id], occurredAt: '2026-06-01T10:00:00Z' })).statusCode).toBe(404);
    expect((await t.call(alice, 'GET', `/contacts/${mine.id}/interactions`)).json().items).toHaveLength(0);
    const bobs = (await log(bob, { contactIds: [theirs.id], occurredAt: '2026-06-01T10:00:00Z' })).json();
    for (const [method, url] of [['GET', `/interactions/${bobs.id}`], ['PATCH', `/interactions/${bobs.id}`], ['DELETE', `/interactions/${bobs.id}`], ['GET', `/contacts/${theirs.id}/interactions`]] as const)
      expect((await t.call(alice, method, url, method === 'PATCH' ? { summary: 'hijack' } : undefined)).statusCode).toBe(404);
    expect((await t.call(bob, 'GET', `/interactions/${bobs.id}`)).json().summary).toBe('Caught up');
  });

  it('finds interactions by summary in search, and forgets deleted ones', async () => {
    const c = await contact(alice, { name: 'Searchable' });
    const i = (await log(alice, { contactIds: [c.id], occurredAt: '2026-06-01T10:00:00Z', summary: 'Discussed the quarterly roadmap' })).json();
    const hits = (await t.call(alice, 'GET', '/search?q=roadmp&type=interaction')).json().items;
    expect(hits[0]).toMatchObject({ type: 'interaction', id: i.id, contactId: c.id });
    await t.call(alice, 'DELETE', `/interactions/${i.id}`);
    expect((await t.call(alice, 'GET', '/search?q=roadmap&type=interaction')).json().items).toHaveLength(0);
  });

  it('deleting a contact deletes the interactions only it took part in, and keeps shared ones', async () => {
    const a = await contact(alice, { name: 'Leaving' });
    const b = await contact(alice, { name: 'Staying' });
    const solo = (await log(alice, { contactIds: [a.id], occurredAt: '2026-06-01T10:00:00Z' })).json();
    const shared = (await log(alice, { contactIds: [a.id, b.id], occurredAt: '2026-06-02T10:00:00Z' })).json();
    expect((await t.call(alice, 'DELETE', `/contacts/${a.id}`)).statusCode).toBe(204);
    expect((await t.call(alice, 'GET', `/interactions/${solo.id}`)).statusCode).toBe(404);
    expect((await t.call(alice, 'GET', `/interactions/${shared.id}`)).json().contactIds).toEqual([b.id]);
  });
});
