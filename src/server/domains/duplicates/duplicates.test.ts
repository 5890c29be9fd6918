import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';

describe.each(dialects)('duplicates and merge on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());

  const post = async (user: TestUser, url: string, payload: object) => {
    const res = await t.call(user, 'POST', url, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('groups contacts sharing an email or a name, and a merge keeps every interaction, note, follow-up, tag and profile', async () => {
    const ada = await post(alice, '/contacts', { name: 'Ada Lovelace', emails: ['ada@example.com'], tags: ['math'] });
    const adaWork = await post(alice, '/contacts', {
      name: 'A. Lovelace', emails: ['ADA@example.com', 'ada@work.example'], organization: 'Analytical Engines', tags: ['work'],
      socialProfiles: [{ type: 'linkedin', url: 'https://www.linkedin.com/in/ada' }], starred: true,
    });
    const adaPhone = await post(alice, '/contacts', { name: 'ada lovelace', phones: ['+44 20 7946 0958'], birthday: '1815-12-10' });
    const grace = await post(alice, '/contacts', { name: 'Grace Hopper' });
    await post(bob, '/contacts', { name: 'Ada Lovelace', emails: ['ada@example.com'] }); // bob's: never in alice's groups

    const shared = await post(alice, '/interactions', { contactIds: [ada.id, adaWork.id, grace.id], kind: 'meeting', occurredAt: '2026-01-05T10:00:00Z', summary: 'Team sync' });
    const own = await post(alice, '/interactions', { contactIds: [adaWork.id], kind: 'call', occurredAt: '2026-02-01T10:00:00Z', summary: 'Work call' });
    await post(alice, `/contacts/${ada.id}/notes`, { body: 'Likes engines' });
    await post(alice, `/contacts/${adaPhone.id}/notes`, { body: 'Met at the Royal Society' });
    const followUp = await post(alice, '/follow-ups', { contactId: adaWork.id, dueOn: '2026-03-01', reason: 'Send the paper' });

    const found = (await t.call(alice, 'GET', '/duplicates')).json();
    expect(found.items).toHaveLength(1);
    expect(found.items[0].reasons).toEqual(['same email ada@example.com', 'same name Ada Lovelace']);
    expect(found.items[0].contacts.map((c: { id: string }) => c.id).sort()).toEqual([ada.id, adaWork.id, adaPhone.id].sort());
    // Most history first: A. Lovelace has two interactions and a follow-up.
    expect(found.items[0].contacts[0]).toMatchObject({ id: adaWork.id, interactions: 2, notes: 0 });
    expect((await t.call(bob, 'GET', '/duplicates')).json().items).toEqual([]);
    expect((await t.call(bob, 'POST', '/duplicates/merge', { ids: [ada.id, adaWork.id] })).statusCode).toBe(404);

    const merged = await t.call(alice, 'POST', '/duplicates/merge', { ids: [ada.id, adaWork.id, adaPhone.id] });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({
      id: ada.id,
      name: 'Ada Lovelace',
      organization: 'Analytical Engines',
      emails: ['ada@example.com', 'ada@work.example'],
      phones: ['+442079460958'],
      birthday: '1815-12-10',
      starred: true,
      tags: ['math', 'work'],
      socialProfiles: [{ type: 'linkedin', url: 'https://www.linkedin.com/in/ada', handle: null }],
      lastInteractionAt: '2026-02-01T10:00:00.000Z',
    });
    const timeline = (await t.call(alice, 'GET', `/contacts/${ada.id}/interactions`)).json().items.map((i: { id: string }) => i.id);
    expect(timeline).toEqual([own.id, shared.id]);
    expect((await t.call(alice, 'GET', `/interactions/${shared.id}`)).json().contactIds.sort()).toEqual([ada.id, grace.id].sort());
    expect((await t.call(alice, 'GET', `/contacts/${ada.id}/notes`)).json().items.map((n: { body: string }) => n.body).sort()).toEqual(['Likes engines', 'Met at the Royal Society']);
    expect((await t.call(alice, 'GET', `/follow-ups/${followUp.id}`)).json()).toMatchObject({ contactId: ada.id });
    for (const gone of [adaWork.id, adaPhone.id]) expect((await t.call(alice, 'GET', `/contacts/${gone}`)).statusCode).toBe(404);
    expect((await t.call(alice, 'GET', '/contacts?q=work.example')).json().items.map((c: { id: string }) => c.id)).toEqual([ada.id]);
    expect((await t.call(alice, 'GET', '/duplicates')).json().items).toEqual([]);
  });

  it('refuses one contact, repeats and unknown ids', async () => {
    const c = await post(alice, '/contacts', { name: 'Solo' });
    expect((await t.call(alice, 'POST', '/duplicates/merge', { ids: [c.id] })).statusCode).toBe(400);
    expect((await t.call(alice, 'POST', '/duplicates/merge', { ids: [c.id, c.id] })).statusCode).toBe(400);
    expect((await t.call(alice, 'POST', '/duplicates/merge', { ids: [c.id, '00000000-0000-4000-8000-000000000000'] })).statusCode).toBe(404);
    expect((await t.call(alice, 'GET', `/contacts/${c.id}`)).statusCode).toBe(200);
  });
});
