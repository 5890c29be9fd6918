import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';

describe.each(dialects)('organizations and tags API on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());

  const searchIds = async (user: TestUser, q: string) => (await t.call(user, 'GET', `/search?q=${encodeURIComponent(q)}`)).json().items.map((h: { id: string }) => h.id);

  it('creates organizations with unique names and counts their people', async () => {
    const res = await t.call(alice, 'POST', '/organizations', { name: 'Initech', domain: 'Initech.com', website: 'https://initech.com' });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({ name: 'Initech', domain: 'initech.com', contactCount: 0 });
    const dup = await t.call(alice, 'POST', '/organizations', { name: 'initech' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'conflict', errors: [{ path: 'name' }] });
    // Bob may use the same name: names are unique per account.
    expect((await t.call(bob, 'POST', '/organizations', { name: 'Initech' })).statusCode).toBe(201);

    const peter = (await t.call(alice, 'POST', '/contacts', { name: 'Peter Gibbons', organizationId: org.id })).json();
    await t.call(alice, 'POST', '/contacts', { name: 'Milton', organization: 'INITECH' });
    expect(peter.organization).toBe('Initech');
    expect((await t.call(alice, 'GET', `/organizations/${org.id}`)).json().contactCount).toBe(2);
    expect((await t.call(alice, 'GET', `/contacts?organizationId=${org.id}`)).json().items).toHaveLength(2);
  });

  it('renaming reaches contacts and search; deleting keeps the contacts', async () => {
    const org = (await t.call(alice, 'POST', '/organizations', { name: 'Globex' })).json();
    const hank = (await t.call(alice, 'POST', '/contacts', { name: 'Hank Scorpio', organizationId: org.id })).json();
    expect(await searchIds(alice, 'globex')).toContain(hank.id);
    expect((await t.call(alice, 'PATCH', `/organizations/${org.id}`, { name: 'Initech' })).statusCode).toBe(409);
    // Its own name in another case is not a duplicate.
    expect((await t.call(alice, 'PATCH', `/organizations/${org.id}`, { name: 'GLOBEX' })).json()).toMatchObject({ name: 'GLOBEX' });
    const renamed = await t.call(alice, 'PATCH', `/organizations/${org.id}`, { name: 'Cypress Creek', notes: 'Volcano HQ' });
    expect(renamed.json()).toMatchObject({ name: 'Cypress Creek', notes: 'Volcano HQ', contactCount: 1 });
    expect((await t.call(alice, 'GET', `/contacts/${hank.id}`)).json().organization).toBe('Cypress Creek');
    expect(await searchIds(alice, 'cypress')).toContain(hank.id);
    expect(await searchIds(alice, 'globex')).not.toContain(hank.id);

    expect((await t.call(alice, 'DELETE', `/organizations/${org.id}`)).statusCode).toBe(204);
    expect((await t.call(alice, 'GET', `/contacts/${hank.id}`)).json()).toMatchObject({ organization: null, organizationId: null });
    expect(await searchIds(alice, 'cypress')).not.toContain(hank.id);
  });

  it('lists organizations by name with a prefix filter and a cursor', async () => {
    for (const name of ['Acme', 'acorn labs', 'Beta', 'Zeta']) await t.call(bob, 'POST', '/organizations', { name });
    const first = (await t.call(bob, 'GET', '/organizations?limit=2')).json();
    const rest = (await t.call(bob, 'GET', `/organizations?limit=10&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...rest.items].map((o: { name: string }) => o.name)).toEqual(['Acme', 'acorn labs', 'Beta', 'Initech', 'Zeta']);
    expect((await t.call(bob, 'GET', '/organizations?q=AC')).json().items.map((o: { name: string }) => o.name)).toEqual(['Acme', 'acorn labs']);
  });

  it('tags: unique names, bulk tag and untag, rename reaches search, delete keeps contacts', async () => {
    const tag = (await t.call(alice, 'POST', '/tags', { name: 'Mentors', color: '#3B82F6' })).json();
    expect(tag).toMatchObject({ name: 'Mentors', color: '#3b82f6', contactCount: 0 });
    const dup = await t.call(alice, 'POST', '/tags', { name: 'mentors' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'conflict', detail: 'name: a tag named "mentors" already exists', errors: [{ path: 'name', message: 'is already taken' }] });
    expect((await t.call(alice, 'POST', '/tags', { name: 'x', color: 'blue' })).json().errors[0].path).toBe('color');

    const people = [];
    for (const name of ['Ann', 'Ben', 'Cat']) people.push((await t.call(alice, 'POST', '/contacts', { name })).json());
    const tagged = await t.call(alice, 'POST', `/tags/${tag.id}/contacts`, { contactIds: people.map((p) => p.id) });
    expect(tagged.json().contactCount).toBe(3);
    // Tagging again changes nothing.
    expect((await t.call(alice, 'POST', `/tags/${tag.id}/contacts`, { contactIds: [people[0].id] })).json().contactCount).toBe(3);
    expect((await t.call(alice, 'GET', '/contacts?tag=mentors')).json().items.map((c: { name: string }) => c.name)).toEqual(['Ann', 'Ben', 'Cat']);
    expect((await t.call(alice, 'DELETE', `/tags/${tag.id}/contacts`, { contactIds: [people[1].id] })).json().contactCount).toBe(2);
    expect((await t.call(alice, 'GET', `/contacts/${people[1].id}`)).json().tags).toEqual([]);

    await t.call(alice, 'PATCH', `/tags/${tag.id}`, { name: 'Advisors' });
    expect((await t.call(alice, 'GET', `/contacts/${people[0].id}`)).json().tags).toEqual(['Advisors']);
    expect(await searchIds(alice, 'advisors')).toEqual(expect.arrayContaining([people[0].id, people[2].id]));

    // A contact of someone else anywhere in the list: nothing changes.
    const theirs = (await t.call(bob, 'POST', '/contacts', { name: 'Dan' })).json();
    expect((await t.call(alice, 'POST', `/tags/${tag.id}/contacts`, { contactIds: [people[1].id, theirs.id] })).statusCode).toBe(404);
    expect((await t.call(alice, 'GET', `/tags/${tag.id}`)).json().contactCount).toBe(2);
    expect((await t.call(bob, 'GET', `/tags/${tag.id}`)).statusCode).toBe(404);

    expect((await t.call(alice, 'DELETE', `/tags/${tag.id}`)).statusCode).toBe(204);
    expect((await t.call(alice, 'GET', `/contacts/${people[0].id}`)).json().tags).toEqual([]);
    expect(await searchIds(alice, 'advisors')).toEqual([]);
  });

  it('lists tags by name with counts', async () => {
    await t.call(bob, 'POST', '/contacts', { name: 'Eve', tags: ['zeta', 'Alpha'] });
    const items = (await t.call(bob, 'GET', '/tags')).json().items;
    expect(items.map((t: { name: string; contactCount: number }) => [t.name, t.contactCount])).toEqual([['Alpha', 1], ['zeta', 1]]);
  });
});
