import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import { addVocabulary, allowedTypos, editDistance, snippetOf, words } from './search.text';
import { sql } from 'kysely';
import { interactionWalk, plannedQuery } from './search.repository';

describe('search text', () => {
  it('folds accents and case into words', () => {
    expect(words('José Müller-Lüdenscheidt, CTO @ Ästhetik')).toEqual(['jose', 'muller', 'ludenscheidt', 'cto', 'asthetik']);
  });
  it('adds the same vocabulary words as words() finds, in the same order (ASCII text is scanned directly)', () => {
    // What addVocabulary did before its ASCII path: every word of 3 to 40 letters not skipped, in order.
    const reference = (text: string, into: Set<string>, skip: ReadonlySet<string>) => {
      for (const w of words(text)) if (w.length >= 3 && w.length <= 40 && !skip.has(w)) into.add(w);
    };
    const ascii = fc.string({ unit: fc.constantFrom(...'aZ09 _-.@\n\t\x00\x7f!Qz'.split('')), maxLength: 60 });
    const word = fc.string({ unit: fc.constantFrom(...'abcXYZ019'.split('')), minLength: 1, maxLength: 45 });
    const text = fc.oneof(
      ascii,
      fc.array(fc.oneof(word, ascii), { maxLength: 8 }).map((parts) => parts.join(' ')),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('José Müller-Lüdenscheidt, CTO @ Ästhetik', 'ﬁnance Ⅻ ①②③ ＡＢＣ', 'İstanbul ΣΊΣΥΦΟΣ straße'),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), fc.array(word.map((w) => w.toLowerCase()), { maxLength: 5 }), (texts, skipped) => {
        const skip = new Set(skipped);
        const expected = new Set<string>();
        const actual = new Set<string>();
        for (const t of texts) {
          reference(t, expected, skip);
          addVocabulary(t, actual, skip);
        }
        expect([...actual]).toEqual([...expected]);
      }),
      { numRuns: 3000 },
    );
    const long = `${'a'.repeat(40)} ${'b'.repeat(41)} ab abc A1B2C3 ${'x'.repeat(3)}`;
    const into = new Set<string>();
    addVocabulary(long, into);
    expect([...into]).toEqual(['a'.repeat(40), 'abc', 'a1b2c3', 'xxx']);
  });
  it('counts a transposition as one edit and stops past the limit', () => {
    expect(editDistance('jonh', 'john', 1)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'xyzabc', 1)).toBe(2);
    expect([allowedTypos('ada'), allowedTypos('jonh'), allowedTypos('lovelacee')]).toEqual([0, 1, 2]);
  });
  it('cuts a snippet around the first matching word', () => {
    const body = `${'filler '.repeat(40)}the roadmap review ${'more '.repeat(40)}`;
    const snippet = snippetOf(body, ['roadmap']);
    expect(snippet).toContain('roadmap');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(122);
  });
});

describe.each(dialects)('search API on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    alice = await t.signUp();
    bob = await t.signUp();
    const add = async (user: TestUser, body: object) => (await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: user.auth, payload: body })).json().id as string;
    ids.john = await add(alice, { name: 'John Smith', organization: 'Acme Rockets', emails: ['john@smith.dev'], tags: ['climbing'] });
    ids.johanna = await add(alice, { name: 'Johanna Berg', title: 'Staff Engineer' });
    ids.ada = await add(alice, { name: 'Ada Lovelace', howWeMet: 'Introduced by John at the analytics meetup' });
    ids.zoe = await add(alice, { name: 'Zoë Ångström', location: 'Malmö' });
    ids.bobsJohn = await add(bob, { name: 'John Secret' });
    const i = await t.app.inject({
      method: 'POST',
      url: '/api/v1/interactions',
      headers: alice.auth,
      payload: { contactIds: [ids.ada], kind: 'video_call', occurredAt: '2026-05-01T10:00:00Z', summary: 'Planned the quarterly roadmap', notes: 'She will send the engine drawings' },
    });
    ids.interaction = i.json().id;
  });
  afterAll(() => t?.close());

  const search = async (user: TestUser, q: string, extra = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}${extra}`, headers: user.auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { type: string; id: string; title: string; snippet: string; contactId: string | null }[];
  };

  it('ranks a name match above a mention in another contact’s text, and never shows other owners’ rows', async () => {
    const hits = await search(alice, 'john');
    const contactIds = hits.filter((h) => h.type === 'contact').map((h) => h.id);
    expect(contactIds[0]).toBe(ids.john);
    expect(contactIds).toContain(ids.ada); // "Introduced by John" in how we met
    expect(contactIds.indexOf(ids.john)).toBeLessThan(contactIds.indexOf(ids.ada));
    expect(contactIds).not.toContain(ids.bobsJohn);
    expect((await search(bob, 'john')).map((h) => h.id)).toEqual([ids.bobsJohn]);
  });

  it('matches prefixes and tolerates typos, exact matches first', async () => {
    expect((await search(alice, 'joh', '&type=contact')).map((h) => h.id).slice(0, 2).sort()).toEqual([ids.john, ids.johanna].sort());
    expect((await search(alice, 'jonh', '&type=contact'))[0]?.id).toBe(ids.john);
    expect((await search(alice, 'lovelcae', '&type=contact'))[0]?.id).toBe(ids.ada);
    expect((await search(alice, 'smiht john', '&type=contact'))[0]?.id).toBe(ids.john);
    // Three-letter words must match exactly (as a prefix): "adx" is not "ada".
    expect(await search(alice, 'adx')).toEqual([]);
    expect(await search(alice, 'xylophone')).toEqual([]);
  });

  it('finds contacts by organization, email, tag, role, location, without accents', async () => {
    for (const [q, id] of [['acme', ids.john], ['smith.dev', ids.john], ['climbing', ids.john], ['staff engineer', ids.johanna], ['angstrom', ids.zoe], ['malmo', ids.zoe]] as const)
      expect((await search(alice, q, '&type=contact')).map((h) => h.id), q).toContain(id);
  });

  it('finds interactions by summary and notes, linking to their contact', async () => {
    const hits = await search(alice, 'roadmap');
    expect(hits).toEqual([{ type: 'interaction', id: ids.interaction, title: 'Planned the quarterly roadmap', snippet: 'She will send the engine drawings', contactId: ids.ada }]);
    expect((await search(alice, 'drawings', '&type=interaction')).map((h) => h.id)).toEqual([ids.interaction]);
    expect(await search(alice, 'drawings', '&type=contact')).toEqual([]);
  });

  it('lists matching interactions most recently logged first', async () => {
    const logged = [];
    for (const summary of ['Budget review one', 'Budget review two', 'Budget review three'])
      logged.push((await t.app.inject({ method: 'POST', url: '/api/v1/interactions', headers: alice.auth, payload: { contactIds: [ids.john], kind: 'call', occurredAt: '2026-04-01T10:00:00Z', summary } })).json().id);
    expect((await search(alice, 'budget', '&type=interaction')).map((h) => h.id)).toEqual(logged.reverse());
  });

  it('finds the newest matching interactions whether a word is common, sparse or only in old ones', async () => {
    // PostgreSQL may walk a sample of the newest documents, then a bounded number, and fall back to the
    // index (search.repository.ts): here the walk is forced and tiny, so every path runs on this small
    // data: "gnu" is met in the sample or the longer walk, "owl" once in the sample, "elk" once in the sample
    // and in the longer walk but twice before them, "emu" and "yak" not in the sample at all. (The service
    // asks for three times the limit.)
    // Other owners' documents and contacts with the same words are interleaved: the walk must skip them.
    const saved = { ...interactionWalk };
    Object.assign(interactionWalk, { sample: 4, max: 24, always: true });
    try {
      const log = async (user: TestUser, summary: string) =>
        (await t.app.inject({ method: 'POST', url: '/api/v1/interactions', headers: user.auth, payload: { contactIds: [user === alice ? ids.john : ids.bobsJohn], kind: 'call', occurredAt: '2026-03-01T10:00:00Z', summary } })).json().id as string;
      const mine: { id: string; words: string[] }[] = [];
      for (let n = 0; n < 40; n++) {
        const tagged = ['gnu', ...(n % 5 === 0 ? ['emu'] : []), ...(n < 2 ? ['yak'] : []), ...(n === 39 ? ['owl'] : []), ...([0, 10, 39].includes(n) ? ['elk'] : [])];
        mine.push({ id: await log(alice, `Call ${tagged.join(' ')} ${n}`), words: tagged });
        if (n % 7 === 0) await log(bob, 'Call gnu emu yak owl');
        if (n % 9 === 0) await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: alice.auth, payload: { name: `Yak Emu ${n}` } });
      }
      for (const word of ['gnu', 'emu', 'yak', 'owl', 'elk'])
        for (const limit of [1, 2, 5, 20]) {
          const expected = mine.filter((m) => m.words.includes(word)).map((m) => m.id).reverse().slice(0, limit);
          expect((await search(alice, word, `&type=interaction&limit=${limit}`)).map((h) => h.id), `${word} limit ${limit}`).toEqual(expected);
        }
    } finally {
      Object.assign(interactionWalk, saved);
    }
  });

  it.runIf(dialect === 'postgres')('reads each kind’s own full-text index on PostgreSQL', async () => {
    // The plan shows which GIN index the query can use. On test-sized data the planner would rather read
    // the table or the owner index, so inside a transaction that is rolled back the owner index is
    // dropped and only bitmap scans are allowed. One index over both kinds made a contact search read
    // every interaction matching a word as well (migration 0013).
    const plans: Record<string, string> = {};
    const rollback = new Error('rollback');
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await sql`drop index search_doc_owner_idx`.execute(trx);
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql`set local enable_indexscan = off`.execute(trx);
        for (const kind of ['contact', 'interaction'] as const)
          plans[kind] = JSON.stringify((await sql`explain (format json) ${plannedQuery(alice.userId, kind, 'john:*', 20)}`.execute(trx)).rows[0]);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    for (const kind of ['contact', 'interaction']) expect(plans[kind], kind).toContain(`"Index Name":"search_doc_${kind}_tsv_idx"`);
  });

  it('follows renames and deletions', async () => {
    await t.app.inject({ method: 'PATCH', url: `/api/v1/contacts/${ids.johanna}`, headers: alice.auth, payload: { name: 'Johanna Lindqvist' } });
    expect((await search(alice, 'lindqvist')).map((h) => h.id)).toEqual([ids.johanna]);
    expect((await search(alice, 'berg')).map((h) => h.id)).not.toContain(ids.johanna);
    await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${ids.zoe}`, headers: alice.auth });
    expect(await search(alice, 'malmo')).toEqual([]);
  });

  it('refuses an empty or oversized query, and a limit out of range', async () => {
    for (const url of ['/api/v1/search?q=', '/api/v1/search', `/api/v1/search?q=${'a'.repeat(201)}`, '/api/v1/search?q=ada&limit=0', '/api/v1/search?q=ada&type=note']) {
      const res = await t.app.inject({ method: 'GET', url, headers: alice.auth });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    // Operators and quotes are words, not syntax.
    expect(await search(alice, '"john" OR * NEAR(-)')).toBeInstanceOf(Array);
  });
});
