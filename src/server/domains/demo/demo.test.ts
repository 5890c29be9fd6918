import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../demo/demo-data';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import { fixedClock } from '../../platform/clock';

const now = '2026-03-10T12:00:00.000Z';

describe.each(dialects)('POST /api/v1/demo on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: fixedClock(now) });
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());


  it("loads the deterministic demo data into the caller's empty account, with derived columns and search", async () => {
    const res = await t.call(alice, 'POST', '/demo', { contacts: 12, seed: 7 });
    expect(res.statusCode, res.body).toBe(201);
    const expected = generateDemoData({ seed: 7, now: new Date(now), contacts: 12 });
    expect(res.json().counts).toEqual({
      organizations: expected.organizations.length,
      tags: expected.tags.length,
      contacts: 12,
      interactions: expected.interactions.length,
      notes: expected.notes.length,
      followUps: expected.followUps.length,
    });

    const names = (await t.call(alice, 'GET', '/contacts?limit=100')).json().items.map((c: { name: string }) => c.name);
    expect(names.sort()).toEqual(expected.contacts.map((c) => c.name).sort());
    const byLast = (await t.call(alice, 'GET', '/contacts?sort=lastInteraction&limit=1')).json().items[0];
    expect(byLast.lastInteractionAt).not.toBeNull();
    const first = expected.contacts[0]!.name;
    const found = (await t.call(alice, 'GET', `/search?q=${encodeURIComponent(first)}`)).json();
    expect(JSON.stringify(found)).toContain(first);

    // Nothing landed in the other account.
    expect((await t.call(bob, 'GET', '/contacts')).json().items).toEqual([]);
  });

  it('refuses with 409 once the account has contacts, archived ones included, and changes nothing', async () => {
    const again = await t.call(alice, 'POST', '/demo', {});
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ status: 409, code: 'conflict' });
    expect((await t.call(alice, 'GET', '/contacts?limit=100')).json().items).toHaveLength(12);

    const only = (await t.call(bob, 'POST', '/contacts', { name: 'Only Archived' })).json();
    await t.call(bob, 'PATCH', `/contacts/${only.id}`, { archived: true });
    expect((await t.call(bob, 'POST', '/demo', { contacts: 10 })).statusCode).toBe(409);
    expect((await t.call(bob, 'GET', '/contacts')).json().items).toEqual([]);
  });

  it('loads once when asked twice at the same time', async () => {
    const carol = await t.signUp();
    const answers = await Promise.all([t.call(carol, 'POST', '/demo', { contacts: 10 }), t.call(carol, 'POST', '/demo', { contacts: 10 })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect((await t.call(carol, 'GET', '/contacts?limit=100')).json().items).toHaveLength(10);
  });

  it('names the refused field', async () => {
    const dave = await t.signUp();
    const res = await t.call(dave, 'POST', '/demo', { contacts: 5 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'contacts', message: 'must be at least 10' })]);
  });
});
