import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';

describe.each(dialects)('kudos, favors and the reciprocity ledger on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  // 23:30 UTC is already the next day in Tokyo: a kudos without a date is dated in the user's day.
  const now = new Date('2026-03-10T23:30:00Z');
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());

  const contact = async (user: TestUser, name: string) => (await t.call(user, 'POST', '/contacts', { name })).json().id as string;

  it('records kudos given and received, lists them newest first, changes and deletes them', async () => {
    await t.call(alice, 'PATCH', '/me', { timezone: 'Asia/Tokyo' });
    const ada = await contact(alice, 'Ada');
    const first = await t.call(alice, 'POST', '/kudos', { contactId: ada, direction: 'given', text: 'Great talk on engines', occurredOn: '2026-03-01' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'kudos', contactId: ada, contactName: 'Ada', direction: 'given', text: 'Great talk on engines', occurredOn: '2026-03-01' });
    const today = (await t.call(alice, 'POST', '/kudos', { contactId: ada, direction: 'received', text: 'Thanks for the review' })).json();
    expect(today.occurredOn).toBe('2026-03-11');

    const all = (await t.call(alice, 'GET', '/kudos')).json();
    expect(all.items.map((k: { id: string }) => k.id)).toEqual([today.id, first.json().id]);
    const received = (await t.call(alice, 'GET', '/kudos?direction=received')).json();
    expect(received.items.map((k: { id: string }) => k.id)).toEqual([today.id]);
    // Favors are a separate list: a kudos id is not a favor.
    expect((await t.call(alice, 'GET', `/favors/${today.id}`)).statusCode).toBe(404);

    const changed = await t.call(alice, 'PATCH', `/kudos/${today.id}`, { text: 'Thanks for the careful review', occurredOn: '2026-02-01' });
    expect(changed.json()).toMatchObject({ text: 'Thanks for the careful review', occurredOn: '2026-02-01', direction: 'received' });
    expect((await t.call(alice, 'DELETE', `/kudos/${today.id}`)).statusCode).toBe(204);
    expect((await t.call(alice, 'GET', `/kudos/${today.id}`)).statusCode).toBe(404);
  });

  it('pages with a cursor', async () => {
    const c = await contact(bob, 'Paged');
    for (let d = 1; d <= 5; d++) await t.call(bob, 'POST', '/favors', { contactId: c, direction: 'given', text: `f${d}`, occurredOn: `2026-01-0${d}` });
    const first = (await t.call(bob, 'GET', '/favors?limit=2')).json();
    const second = (await t.call(bob, 'GET', `/favors?limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await t.call(bob, 'GET', `/favors?limit=2&cursor=${second.nextCursor}`)).json();
    expect([...first.items, ...second.items, ...third.items].map((f: { text: string }) => f.text)).toEqual(['f5', 'f4', 'f3', 'f2', 'f1']);
    expect(third.nextCursor).toBeNull();
  });

  it('refuses bad input and other people’s contacts', async () => {
    const c = await contact(alice, 'Checked');
    const bad = await t.call(alice, 'POST', '/kudos', { contactId: c, direction: 'sideways', text: ' ', occurredOn: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['direction', 'occurredOn', 'text']);
    const theirs = await contact(bob, 'Not yours');
    expect((await t.call(alice, 'POST', '/favors', { contactId: theirs, direction: 'given', text: 'x' })).statusCode).toBe(404);
    expect((await t.call(alice, 'GET', `/kudos?contactId=${theirs}`)).statusCode).toBe(404);
    expect((await t.call(alice, 'GET', `/contacts/${theirs}/ledger`)).statusCode).toBe(404);
  });

  it('sums the ledger per contact and overall, and names who you owe', async () => {
    const carol = await t.signUp();
    const grace = await contact(carol, 'Grace');
    const linus = await contact(carol, 'Linus');
    const margaret = await contact(carol, 'Margaret');
    const quiet = await contact(carol, 'Quiet');
    const add = (kind: 'kudos' | 'favors', contactId: string, direction: 'given' | 'received', n = 1) =>
      Promise.all(Array.from({ length: n }, (_, i) => t.call(carol, 'POST', `/${kind}`, { contactId, direction, text: `${kind} ${i}`, occurredOn: `2026-02-1${i}` })));
    await add('kudos', grace, 'given', 2);
    await add('kudos', grace, 'received', 1);
    await add('favors', grace, 'received', 3); // Grace: gave 2, received 4 -> -2
    await add('favors', linus, 'received', 1); // Linus: -1
    await add('favors', margaret, 'given', 2);
    await add('kudos', margaret, 'received', 1); // Margaret: +1

    const ledger = (await t.call(carol, 'GET', '/ledger')).json();
    expect(ledger.totals).toEqual({ kudosGiven: 2, kudosReceived: 2, favorsGiven: 2, favorsReceived: 4 });
    expect(ledger.owed.map((e: { contactName: string }) => e.contactName)).toEqual(['Grace', 'Linus']);
    expect(ledger.owed[0]).toMatchObject({ kudosGiven: 2, kudosReceived: 1, favorsGiven: 0, favorsReceived: 3, given: 2, received: 4, balance: -2 });
    expect(ledger.contacts.map((e: { contactName: string }) => e.contactName)).toEqual(['Grace', 'Margaret', 'Linus']);

    const one = (await t.call(carol, 'GET', `/contacts/${margaret}/ledger`)).json();
    expect(one).toMatchObject({ contactName: 'Margaret', favorsGiven: 2, kudosReceived: 1, balance: 1 });
    expect(one.recent).toHaveLength(3);
    expect((await t.call(carol, 'GET', `/contacts/${quiet}/ledger`)).json()).toMatchObject({ given: 0, received: 0, balance: 0, recent: [] });

    // Deleting a contact takes its kudos and favors with it.
    await t.call(carol, 'DELETE', `/contacts/${grace}`);
    expect((await t.call(carol, 'GET', '/ledger')).json().owed.map((e: { contactName: string }) => e.contactName)).toEqual(['Linus']);
  });
});
