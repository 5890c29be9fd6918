import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as repo from './contacts.repository';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';

describe.each(dialects)('contacts API on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());

  const post = (user: TestUser, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: user.auth, payload });

  it('creates a contact with normalized phone, tags and organization', async () => {
    const res = await post(alice, {
      name: 'Ada Lovelace',
      emails: ['ada@example.com', 'ADA@example.com'],
      phones: ['+44 20 7946 0958'],
      organization: 'Analytical Engines',
      title: 'Mathematician',
      tags: ['Math', 'pioneer'],
      timezone: 'Europe/London',
      birthday: '--12-10',
      cadenceDays: 30,
      socialProfiles: [{ type: 'github', handle: 'ada' }],
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      name: 'Ada Lovelace',
      emails: ['ada@example.com'],
      phones: ['+442079460958'],
      organization: 'Analytical Engines',
      title: 'Mathematician',
      tags: ['Math', 'pioneer'],
      birthday: '--12-10',
      cadenceDays: 30,
      socialProfiles: [{ type: 'github', handle: 'ada', url: 'https://github.com/ada' }],
    });
    expect(c.nextDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${c.id}`, headers: alice.auth });
    expect(again.json()).toEqual(c);
  });

  it('lists every bad field at once and stores nothing', async () => {
    const res = await post(alice, { name: '', phones: ['12'], timezone: 'Mars/Base', birthday: '1990-02-30', bogus: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status: 400, code: 'validation' });
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'birthday', 'bogus']));
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/contacts?q=Mars', headers: alice.auth });
    expect(list.json().items).toHaveLength(0);
  });

  it('refuses a phone number it cannot read and a time zone that does not exist', async () => {
    const res = await post(alice, { name: 'Bad Phone', phones: ['12345'], timezone: 'Mars/Base' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['phones.0', 'timezone']);
  });

  it('hides one owner’s contacts from another (404, like a missing one)', async () => {
    const created = (await post(alice, { name: 'Private Person' })).json();
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: `/api/v1/contacts/${created.id}`, headers: bob.auth, ...(method === 'PATCH' && { payload: { name: 'x' } }) });
      expect(res.statusCode).toBe(404);
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: bob.auth });
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(created.id);
  });

  it('patches only the fields sent and clears with null', async () => {
    const created = (await post(alice, { name: 'Grace Hopper', title: 'Admiral', location: 'Arlington' })).json();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/contacts/${created.id}`, headers: alice.auth, payload: { location: null, starred: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Grace Hopper', title: 'Admiral', location: null, starred: true });
  });

  it('pages through contacts with a stable cursor and no duplicates', async () => {
    const owner = await t.signUp();
    for (let i = 0; i < 7; i++) await post(owner, { name: `Person ${String.fromCharCode(71 - i)}`, cadenceDays: i % 2 ? 10 + i : undefined });
    for (const sort of ['name', 'nextDue', 'lastInteraction', 'created']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/contacts?limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await t.app.inject({ method: 'GET', url, headers: owner.auth });
        expect(res.statusCode).toBe(200);
        const body: { items: { id: string }[]; nextCursor: string | null } = res.json();
        seen.push(...body.items.map((c: { id: string }) => c.id));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
    }
    const byName = await t.app.inject({ method: 'GET', url: '/api/v1/contacts?limit=50', headers: owner.auth });
    expect(byName.json().items.map((c: { name: string }) => c.name)).toEqual(['Person A', 'Person B', 'Person C', 'Person D', 'Person E', 'Person F', 'Person G']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/contacts?cursor=garbage', headers: owner.auth });
    expect(bad.statusCode).toBe(400);
    const tooMany = await t.app.inject({ method: 'GET', url: '/api/v1/contacts?limit=1000', headers: owner.auth });
    expect(tooMany.statusCode).toBe(400);
  });

  it('filters by tag', async () => {
    const owner = await t.signUp();
    await post(owner, { name: 'Tagged One', tags: ['mentor'] });
    await post(owner, { name: 'Untagged' });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/contacts?tag=Mentor', headers: owner.auth });
    expect(res.json().items.map((c: { name: string }) => c.name)).toEqual(['Tagged One']);
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/contacts?tag=nope', headers: owner.auth });
    expect(none.json()).toEqual({ items: [], nextCursor: null });
  });

  it('finds contacts with q, typo tolerant', async () => {
    const owner = await t.signUp();
    await post(owner, { name: 'John Smith', organization: 'Acme' });
    await post(owner, { name: 'Mary Major' });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/contacts?q=jonh', headers: owner.auth });
    expect(res.json().items.map((c: { name: string }) => c.name)).toEqual(['John Smith']);
    const byOrg = await t.app.inject({ method: 'GET', url: '/api/v1/contacts?q=acm', headers: owner.auth });
    expect(byOrg.json().items.map((c: { name: string }) => c.name)).toEqual(['John Smith']);
  });

  it('refuses limits out of range and cursors it did not issue', async () => {
    for (const query of ['limit=0', 'limit=201', 'limit=abc', 'limit=2.5', 'cursor=not-a-cursor', `cursor=${Buffer.from('[1]').toString('base64url')}`, 'sort=age', 'starred=yes']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/contacts?${query}`, headers: alice.auth });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0].path, query).toBe(query.split('=')[0]);
    }
    const empty = await t.signUp();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/contacts?limit=200', headers: empty.auth });
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });

  it('gives the same tag-filtered pages whichever plan the list takes (from the tag, along the sort index with the tag set or a probe per contact)', async () => {
    const owner = await t.signUp();
    for (let i = 0; i < 12; i++) await post(owner, { name: `Tagged ${i}`, tags: i % 3 ? ['rare'] : ['rare', 'other'], cadenceDays: i % 4 ? 5 + i : undefined, archived: i === 7 });
    const tagId = (await repo.findTagIdByName(t.database.db, owner.userId, 'rare'))!;
    for (const sort of ['name', 'nextDue', 'lastInteraction', 'created'] as const)
      for (const archived of [false, true]) {
        const pages = async (plan: Pick<repo.ContactFilter, 'tagFirst' | 'tagProbe' | 'withTags'>) => {
          const ids: string[] = [];
          let after: { phase: 'value' | 'null'; key: string | null; id: string } | undefined;
          for (;;) {
            const result = await repo.listContacts(t.database.db, { ownerId: owner.userId, tagId, archived, ...plan }, sort, 4, after);
            if (plan.withTags)
              for (const { rows } of result) for (const row of rows) expect(repo.tagNamesOf(row)).toEqual(row.name.endsWith(' 0') || Number(row.name.split(' ')[1]) % 3 === 0 ? ['other', 'rare'] : ['rare']);
            const rows = result.flatMap((p) => p.rows.map((row) => ({ row, phase: p.phase }))).slice(0, 5);
            ids.push(...rows.slice(0, 4).map((r) => r.row.id));
            if (rows.length <= 4) return ids;
            const last = rows[3]!;
            const column = last.phase === 'value' ? repo.sortPlans[sort].column : 'sort_name';
            after = { phase: last.phase, key: last.row[column] as string | null, id: last.row.id };
          }
        };
        const viaIndex = await pages({});
        expect(viaIndex.length, `${sort} archived=${archived}`).toBe(archived ? 1 : 11);
        expect(await pages({ tagFirst: true }), `${sort} archived=${archived}`).toEqual(viaIndex);
        expect(await pages({ tagProbe: true }), `${sort} archived=${archived}`).toEqual(viaIndex);
        expect(await pages({ withTags: true }), `${sort} archived=${archived}`).toEqual(viaIndex);
      }
  });

  it('counts a tag’s contacts to choose the plan, up to a cap when asked', async () => {
    const owner = await t.signUp();
    for (let i = 0; i < 3; i++) await post(owner, { name: `Counted ${i}`, tags: ['counted'] });
    expect(await repo.findTagWithSize(t.database.db, owner.userId, 'Counted')).toMatchObject({ size: 3 });
    expect(await repo.findTagWithSize(t.database.db, owner.userId, 'counted', 2)).toMatchObject({ size: 2 });
    expect(await repo.findTagWithSize(t.database.db, owner.userId, 'counted', 5)).toMatchObject({ size: 3 });
    expect(await repo.findTagWithSize(t.database.db, owner.userId, 'nope')).toBeUndefined();
  });

  it('refuses oversized bodies with 413', async () => {
    const res = await post(alice, { name: 'Big', howWeMet: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
  });
});
