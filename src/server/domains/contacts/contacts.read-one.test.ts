import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../platform/clock';
import { defaultSettings } from '../relationships/settings';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { Contact } from '../../../contracts/contacts';
import { pickerOf } from '../../platform/trusted-serializer';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import * as repo from './contacts.repository';
import { compareBinary, readContact, readContactBodyParts, relisted } from './contacts.read-one';
import { toContactDto } from './contacts.service';

/** Fastify's reply class, to watch its then(): the module the app's Fastify itself loads (Node's require cache). */
const Reply = createRequire(import.meta.url)('fastify/lib/reply.js') as { prototype: { then(...args: unknown[]): unknown } };

describe('compareBinary', () => {
  it('orders strings as SQLite BINARY does (UTF-8 bytes)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareBinary(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 2000 },
    );
    // An astral character sorts after U+E000–U+FFFF in UTF-8, before them in UTF-16 units.
    expect(compareBinary('\u{1D538}', '\uFB01')).toBeGreaterThan(0);
    expect(compareBinary('ab', 'abc')).toBeLessThan(0);
  });
});

describe('relisted', () => {
  const reference = (text: string) => JSON.stringify(JSON.parse(text));

  it('gives what parsing and serializing again gives, for any list of strings however it is written', () => {
    // Stored by JSON.stringify, or by another writer: spaces between tokens, every character escaped as \uXXXX.
    const spaced = (list: string[]) => `[ ${list.map((x) => JSON.stringify(x)).join(' , ')} ]`;
    const escaped = (list: string[]) => `[${list.map((x) => `"${x.split('').map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`).join(',')}]`;
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string())), (list) => {
        for (const text of [JSON.stringify(list), spaced(list), escaped(list)]) expect(relisted(text)).toBe(reference(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps plain lists as they are and rewrites the rest', () => {
    for (const text of ['[]', '["a@example.com"]', '["+44 20 7946 0958","b@example.org"]', '["é 😀 \u2028 \u007f"]']) expect(relisted(text)).toBe(text);
    const rewritten: [string, string][] = [
      ['[ "a" ]', '["a"]'],
      ['["\\u00e9"]', '["é"]'],
      ['["a\\/b"]', '["a/b"]'],
      ['["tab\\tq\\"x"]', '["tab\\tq\\"x"]'],
      ['[1.0,2e1]', '[1,20]'],
      ['[{"type":"x"}]', '[{"type":"x"}]'],
    ];
    for (const [text, expected] of rewritten) expect(relisted(text)).toBe(expected);
  });
});

describe.each(dialects)('reading one contact on %s', (dialect) => {
  const now = '2026-06-15T12:00:00.000Z';
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: fixedClock(now) });
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());

  it('gives the same contact as the general query, tags in the same order', async () => {
    const bodies = [
      { name: 'Ada Lovelace', emails: ['ada@example.com'], phones: ['+44 20 7946 0958'], organization: 'Analytical Engines', title: 'Mathematician', tags: ['zeta', 'Émigré', 'alpha', '\u{1D538}stral', '\uFB01ne', 'Beta'], timezone: 'Europe/London', birthday: '--12-10', cadenceDays: 30, starred: true, socialProfiles: [{ type: 'github', handle: 'ada' }], howWeMet: 'A "salon" \\ in London\n', pronouns: 'she/her', headline: 'Notes on the engine', location: 'London' },
      { name: 'Grace Hopper', circle: 'close', tags: ['navy'] },
      { name: 'Nobody Special' },
    ];
    const ids: string[] = [];
    for (const body of bodies) {
      const res = await t.call(alice, 'POST', '/contacts', body);
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    await t.call(alice, 'POST', '/interactions', { kind: 'call', summary: 'Caught up', contactIds: [ids[0], ids[1]], occurredAt: '2026-06-01T10:00:00Z', initiatedBy: 'them' });
    await t.call(alice, 'POST', '/interactions', { kind: 'meeting', summary: 'Coffee', contactIds: [ids[0]], occurredAt: '2026-03-01T10:00:00Z', initiatedBy: 'me' });
    await t.call(alice, 'PATCH', `/contacts/${ids[2]}`, { archived: true });

    const { db } = t.database;
    const context = { now: new Date(now), settings: defaultSettings() };
    for (const id of ids) {
      const general = (await repo.findContact(db, alice.userId, id, { withTags: true }))!;
      const expected = toContactDto(general, repo.tagNamesOf(general)!, context);
      const row = (await readContact(db, dialect, alice.userId, id))!;
      expect(toContactDto(row, row.tags, context)).toEqual(expected);
      // And through HTTP, the same body as the list endpoint gives for it.
      const one = (await t.call(alice, 'GET', `/contacts/${id}`)).json();
      const listed = (await t.call(alice, 'GET', `/contacts?limit=100&archived=${id === ids[2]}`)).json().items.find((c: { id: string }) => c.id === id);
      expect(one).toEqual(listed);
    }
    const ada = (await t.call(alice, 'GET', `/contacts/${ids[0]}`)).json();
    expect(ada.tags).toHaveLength(6);
    expect(ada.strength.score).toBeGreaterThan(0);
  });

  it('answers GET /contacts/{id} with the bytes the DTO path writes, for every shape of contact', async () => {
    // Strings chosen to trip a body built as text: JSON escapes, the placeholders' own spelling,
    // non-ASCII and astral characters (tag order), characters JSON.stringify escapes and those it does not.
    const tricky = ['a,"tags":0,"b', ',"emails":0,"phones":0,"socialProfiles":0,', 'x","strength":0,"y', 'back\\slash \\"q\\"', 'tab\tnew\nline\r\b\f\u0001\u001f\u007f', 'line\u2028sep\u2029', 'Zoë 😀 \u{1D538}', '</script><!--', '0'];
    const bodies: Record<string, unknown>[] = [
      { name: 'Only A Name' },
      { name: tricky[0], givenName: tricky[1], familyName: tricky[2], pronouns: tricky[3], headline: tricky[4], organization: tricky[5], title: tricky[6], location: tricky[7], timezone: 'Asia/Tokyo', howWeMet: tricky.join(' | '), tags: tricky, emails: ["o'brien+tag@example.com", 'second@example.org'], phones: ['+44 20 7946 0958', '+1 415 555 0100'], socialProfiles: [{ type: 'github', handle: 'a"b' }, { type: 'website', url: 'https://example.com/?q="x"&y=\\' }, { type: 'x', url: 'https://x.com/zoe', handle: 'zoë' }], birthday: '1990-02-28', cadenceDays: 45, circle: 'inner', starred: true },
      { name: 'Circle Only', circle: 'acquaintance', tags: ['Beta', 'alpha', '\uFB01ne', 'émigré'], birthday: '--07-04' },
      { name: 'Archived', archived: true, starred: false, cadenceDays: 7 },
    ];
    const ids: string[] = [];
    for (const body of bodies) {
      const res = await t.call(alice, 'POST', '/contacts', body);
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    await t.call(alice, 'POST', '/interactions', { kind: 'call', summary: 'Caught up', contactIds: [ids[1], ids[2]], occurredAt: '2026-06-01T10:00:00Z', initiatedBy: 'them' });
    await t.call(alice, 'POST', '/interactions', { kind: 'meeting', summary: 'Coffee', contactIds: [ids[1]], occurredAt: '2025-12-01T10:00:00Z', initiatedBy: 'me' });
    await t.call(alice, 'POST', '/interactions', { kind: 'social', summary: 'Party', contactIds: [ids[3]], occurredAt: '2026-06-14T10:00:00Z' });
    // Lists as another writer might have stored them: spaces, escapes JSON.stringify would not write,
    // social profile keys in another order and one the contract does not have.
    const odd = (await t.call(alice, 'POST', '/contacts', { name: 'Stored Oddly' })).json().id as string;
    await t.database.db
      .updateTable('contact')
      .set({ emails: '[ "\\u00e9@example.com" ]', phones: '[]', social_profiles: '[{"handle":"h","extra":1,"type":"github","url":null}]' })
      .where('id', '=', odd)
      .execute();
    ids.push(odd);

    const pick = pickerOf(Contact);
    const checked = serializerCompiler({ schema: Contact, method: 'GET', url: '/contacts/:id', httpStatus: '200' });
    for (const id of ids) {
      const dto = await t.app.services.contacts.get(alice.actor, id);
      const expected = JSON.stringify(pick(dto));
      const res = await t.call(alice, 'GET', `/contacts/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body).toBe(expected);
      expect(res.body).toBe(checked(dto));
    }
    // The fast path ran where it can (SQLite), and not where it cannot.
    expect(readContactBodyParts(t.database.db, alice.userId, ids[0]!) === null).toBe(dialect !== 'sqlite');
    expect(readContactBodyParts(t.database.db, bob.userId, ids[0]!)).toBe(dialect === 'sqlite' ? undefined : null);
  });

  it('answers GET /contacts/{id} without waiting on the reply as a promise', async () => {
    // A handler that returns the reply makes Fastify call reply.then(), which (answers leave a turn
    // later) attached end-of-stream listeners to every response: about a tenth of the route's CPU.
    const id = (await t.call(alice, 'POST', '/contacts', { name: 'Then Less', tags: ['x'] })).json().id as string;
    const then = vi.spyOn(Reply.prototype, 'then');
    try {
      const res = await t.call(alice, 'GET', `/contacts/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.json()).toMatchObject({ id, name: 'Then Less', tags: ['x'] });
      expect(then).not.toHaveBeenCalled();
    } finally {
      then.mockRestore();
    }
  });

  it("answers undefined for a missing contact and for someone else's", async () => {
    const mine = (await t.call(alice, 'POST', '/contacts', { name: 'Mine' })).json();
    expect(await readContact(t.database.db, dialect, bob.userId, mine.id)).toBeUndefined();
    expect(await readContact(t.database.db, dialect, alice.userId, '01900000-0000-7000-8000-000000000000')).toBeUndefined();
    expect((await t.call(bob, 'GET', `/contacts/${mine.id}`)).statusCode).toBe(404);
  });
});

describe('reading one contact on the SQLite handle itself', () => {
  let t: TestApp;
  let alice: TestUser;
  let id: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    alice = await t.signUp();
    id = (await t.call(alice, 'POST', '/contacts', { name: 'Committed Name', tags: ['b', 'a'] })).json().id;
  });
  afterAll(() => t?.close());

  it('never sees what an open transaction has not committed: it waits for it', async () => {
    const { db } = t.database;
    let read: Promise<Awaited<ReturnType<typeof readContact>>> | undefined;
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('contact').set({ name: 'Uncommitted Name' }).where('id', '=', id).execute();
        read = readContact(db, 'sqlite', alice.userId, id);
        // The body built as text is not read on the handle either: the route takes the path above.
        expect(readContactBodyParts(db, alice.userId, id)).toBeNull();
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await read!)?.name).toBe('Committed Name');
    expect((await t.call(alice, 'GET', `/contacts/${id}`)).json()).toMatchObject({ name: 'Committed Name', tags: ['a', 'b'] });
  });

  it('reads beside a query streaming on the connection', async () => {
    const { db } = t.database;
    const rows = db.selectFrom('contact').select('id').stream()[Symbol.asyncIterator]();
    expect((await rows.next()).done).toBe(false);
    const read = readContact(db, 'sqlite', alice.userId, id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await rows.return!();
    expect((await read)?.name).toBe('Committed Name');
  });
});
