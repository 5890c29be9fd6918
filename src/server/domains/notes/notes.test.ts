import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import { fixedClock } from '../../platform/clock';

describe.each(dialects)('notes API on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let clockTime = '2026-01-01T10:00:00Z';

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: { now: () => fixedClock(clockTime).now() } });
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());


  it('lists pinned notes first, then newest first, across pages', async () => {
    const c = (await t.call(alice, 'POST', '/contacts', { name: 'Noted' })).json();
    const bodies = ['first', 'second', 'third', 'fourth', 'fifth'];
    const created = [];
    for (const [i, body] of bodies.entries()) {
      clockTime = `2026-01-0${i + 1}T10:00:00Z`;
      const res = await t.call(alice, 'POST', `/contacts/${c.id}/notes`, { body, pinned: body === 'second' });
      expect(res.statusCode).toBe(201);
      created.push(res.json());
    }
    expect(created[1]).toMatchObject({ contactId: c.id, body: 'second', pinned: true, createdAt: '2026-01-02T10:00:00.000Z' });
    const first = (await t.call(alice, 'GET', `/contacts/${c.id}/notes?limit=3`)).json();
    const rest = (await t.call(alice, 'GET', `/contacts/${c.id}/notes?limit=3&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...rest.items].map((n: { body: string }) => n.body)).toEqual(['second', 'fifth', 'fourth', 'third', 'first']);
    expect(rest.nextCursor).toBeNull();

    const unpinned = await t.call(alice, 'PATCH', `/notes/${created[1].id}`, { pinned: false, body: 'second, edited' });
    expect(unpinned.json()).toMatchObject({ pinned: false, body: 'second, edited' });
    expect((await t.call(alice, 'GET', `/contacts/${c.id}/notes`)).json().items.map((n: { body: string }) => n.body)[3]).toBe('second, edited');
  });

  it('makes a contact findable by its notes, and forgets deleted notes', async () => {
    const c = (await t.call(alice, 'POST', '/contacts', { name: 'Marguerite' })).json();
    const note = (await t.call(alice, 'POST', `/contacts/${c.id}/notes`, { body: 'Loves **sourdough** baking' })).json();
    expect((await t.call(alice, 'GET', '/search?q=sourdough')).json().items.map((h: { id: string }) => h.id)).toContain(c.id);
    await t.call(alice, 'PATCH', `/notes/${note.id}`, { body: 'Into pottery now' });
    expect((await t.call(alice, 'GET', '/search?q=sourdough')).json().items.map((h: { id: string }) => h.id)).not.toContain(c.id);
    expect((await t.call(alice, 'GET', '/search?q=pottery')).json().items.map((h: { id: string }) => h.id)).toContain(c.id);
    expect((await t.call(alice, 'DELETE', `/notes/${note.id}`)).statusCode).toBe(204);
    expect((await t.call(alice, 'GET', '/search?q=pottery')).json().items.map((h: { id: string }) => h.id)).not.toContain(c.id);
  });

  it('refuses empty notes and unknown fields; other people’s notes are missing', async () => {
    const c = (await t.call(alice, 'POST', '/contacts', { name: 'Private' })).json();
    const bad = await t.call(alice, 'POST', `/contacts/${c.id}/notes`, { body: '   ', color: 'red' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['body', 'color']);
    const note = (await t.call(alice, 'POST', `/contacts/${c.id}/notes`, { body: 'secret' })).json();
    expect((await t.call(bob, 'GET', `/notes/${note.id}`)).statusCode).toBe(404);
    expect((await t.call(bob, 'PATCH', `/notes/${note.id}`, { body: 'x' })).statusCode).toBe(404);
    expect((await t.call(bob, 'DELETE', `/notes/${note.id}`)).statusCode).toBe(404);
    expect((await t.call(bob, 'GET', `/contacts/${c.id}/notes`)).statusCode).toBe(404);
    expect((await t.call(bob, 'POST', `/contacts/${c.id}/notes`, { body: 'x' })).statusCode).toBe(404);
    expect((await t.call(alice, 'GET', `/notes/${note.id}`)).json().body).toBe('secret');
    await t.call(alice, 'DELETE', `/contacts/${c.id}`);
    expect((await t.call(alice, 'GET', `/notes/${note.id}`)).statusCode).toBe(404);
  });
});
