import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, testConfig, type TestDatabase } from '../src/server/db/test-helpers';
import { toActor } from '../src/server/domains/account/account.service';
import { refreshDerived } from '../src/server/domains/contacts/contacts.derived';
import { recomputeOwner } from '../src/server/domains/relationships/recompute';
import { indexInteractions, reindexContacts } from '../src/server/domains/search/search.index';
import { vocabulary } from '../src/server/domains/search/search.text';
import { systemClock, todayIn } from '../src/server/platform/clock';
import type { Actor } from '../src/server/platform/context';
import { createServices, type Services } from '../src/server/services';
import { bulkLoad, type BulkLoadResult } from './bulk-load';
import { createRandom, generate, type BenchData } from './generate';
import { searchQueries } from './search-queries';

/**
 * The bulk loader writes derived columns and the search index itself, in bulk; these tests check
 * that what it wrote is what the services would have computed, on both dialects. Two owners share
 * the database: the first is loaded with the worker thread (on SQLite: the FTS5 index built aside and
 * copied in), the second in place (the index is no longer empty), and neither sees the other.
 */
describe.each(dialects)('bench bulk loader on %s', (dialect) => {
  let database: TestDatabase;
  let services: Services;
  const owners: { actor: Actor; data: BenchData; loaded: BulkLoadResult }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    services = await createServices({ database, config: testConfig({ openSignup: true }) });
    const specs = [
      { email: 'first@example.com', timezone: 'America/Los_Angeles', seed: 1, parallel: true, contacts: 300, interactions: 3000 },
      { email: 'second@example.com', timezone: 'Asia/Tokyo', seed: 2, parallel: false, contacts: 150, interactions: 1000 },
    ];
    for (const spec of specs) {
      const user = await services.account.createUser({ email: spec.email, password: 'correct horse battery', timezone: spec.timezone });
      const data = generate({ contacts: spec.contacts, interactions: spec.interactions, seed: spec.seed });
      const loaded = await bulkLoad(database, user.id, data, { parallel: spec.parallel });
      owners.push({ actor: toActor(user, 'cli'), data, loaded });
    }
  });
  afterAll(() => database?.drop());

  const count = async (table: 'contact' | 'interaction' | 'interaction_contact' | 'note' | 'follow_up' | 'search_doc' | 'contact_tag' | 'organization', ownerId: string) =>
    Number((await (database.db as Kysely<any>).selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('owner_id', '=', ownerId).executeTakeFirstOrThrow()).n);

  it('writes every generated row, and reports the counts it wrote', async () => {
    for (const { actor, data, loaded } of owners) {
      const links = data.interactions.reduce((sum, i) => sum + i.contacts.length, 0);
      expect(await count('contact', actor.userId)).toBe(data.contacts.length);
      expect(await count('interaction', actor.userId)).toBe(data.interactions.length);
      expect(await count('interaction_contact', actor.userId)).toBe(links);
      expect(await count('note', actor.userId)).toBe(data.notes.length);
      expect(await count('follow_up', actor.userId)).toBe(data.followUps.length);
      expect(await count('organization', actor.userId)).toBe(data.organizations.length);
      expect(await count('search_doc', actor.userId)).toBe(data.contacts.length + data.interactions.length);
      expect(loaded.counts).toMatchObject({
        contacts: data.contacts.length,
        interactions: data.interactions.length,
        interactionContacts: links,
        searchDocs: data.contacts.length + data.interactions.length,
      });
    }
  });

  it("stores the relationship engine's aggregates as its recompute computes them", async () => {
    for (const { actor } of owners) {
      const db = database.db as Kysely<any>;
      const met = await db.selectFrom('contact').select((eb) => eb.fn.countAll().as('n')).where('owner_id', '=', actor.userId).where('rel_points', '>', 0).executeTakeFirstOrThrow();
      expect(Number(met.n)).toBeGreaterThan(0);
      // Computing them again from the interactions changes nothing.
      const again = await database.db.transaction().execute((trx) => recomputeOwner(trx, actor.userId, actor.timezone, new Date()));
      expect(again).toMatchObject({ changed: 0 });
      expect(again.contacts).toBeGreaterThan(0);
    }
  });

  it('links each interaction to its generated contacts with its own time, kind and initiator, in generated order on SQLite', async () => {
    // The SQLite loader reads a link's copies of its interaction's columns back by the interaction's
    // rowid (insertLinksSqlite); the second owner's interactions do not start at rowid 1.
    for (const { actor, data } of owners) {
      const rows = await (database.db as Kysely<any>)
        .selectFrom('interaction_contact')
        .select(['interaction_id', 'contact_id', 'occurred_at', 'kind', 'initiated_by'])
        .where('owner_id', '=', actor.userId)
        .$if(dialect === 'sqlite', (q) => q.orderBy(sql`rowid`))
        .execute();
      const links = rows.map((l) => ({ ...l, occurred_at: new Date(l.occurred_at).toISOString() }));
      const expected = data.interactions.flatMap((i) =>
        i.contacts.map((c) => ({ interaction_id: i.id, contact_id: data.contacts[c]!.id, occurred_at: i.occurredAt, kind: i.kind, initiated_by: i.initiatedBy })),
      );
      const key = (l: { interaction_id: string; contact_id: string }) => `${l.interaction_id} ${l.contact_id}`;
      const inOrder = <T extends { interaction_id: string; contact_id: string }>(list: T[]) => (dialect === 'sqlite' ? list : [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1)));
      expect(new Set(expected.map((l) => l.kind)).size).toBeGreaterThan(1);
      expect(inOrder(links)).toEqual(inOrder(expected));
    }
  });

  it("stores last interaction and next due date exactly as the services' refreshDerived computes them", async () => {
    for (const { actor } of owners) {
      const read = () =>
        database.db.selectFrom('contact').select(['id', 'last_interaction_at', 'next_due_on']).where('owner_id', '=', actor.userId).orderBy('id').execute();
      const loaded = await read();
      // The check must be able to fail: most contacts have both facts.
      expect(loaded.filter((c) => c.last_interaction_at && c.next_due_on).length).toBeGreaterThan(loaded.length / 3);
      await database.db.transaction().execute((trx) => refreshDerived(trx, actor.userId, loaded.map((c) => c.id), actor.timezone));
      expect(await read()).toEqual(loaded);
    }
  });

  it('serves the generated contacts and timelines through the services', async () => {
    const { actor, data } = owners[0]!;
    const c = data.contacts.find((x) => x.tags.length >= 2 && x.organization !== null && x.emails.length > 0)!;
    const dto = await services.contacts.get(actor, c.id);
    expect(dto).toMatchObject({
      name: c.name,
      organization: data.organizations[c.organization!]!.name,
      emails: c.emails,
      phones: c.phones,
      cadenceDays: c.cadenceDays,
      archived: c.archived,
    });
    expect([...dto.tags].sort()).toEqual(c.tags.map((t) => data.tags[t]!.name).sort());

    // The busiest contact's timeline: its latest 50 interactions, newest first.
    const perContact = new Map<number, typeof data.interactions>();
    for (const i of data.interactions) for (const p of i.contacts) perContact.set(p, [...(perContact.get(p) ?? []), i]);
    const [busiest, history] = [...perContact].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(history.length).toBeGreaterThan(50);
    const expected = [...history].sort((a, b) => (a.occurredAt === b.occurredAt ? (a.id < b.id ? 1 : -1) : a.occurredAt < b.occurredAt ? 1 : -1)).slice(0, 50);
    const page = await services.interactions.listForContact(actor, data.contacts[busiest]!.id, { limit: 50 });
    expect(page.items.map((i) => i.id)).toEqual(expected.map((i) => i.id));
    expect(page.items[0]).toMatchObject({ summary: expected[0]!.summary, kind: expected[0]!.kind });
    expect(page.nextCursor).not.toBeNull();
  });

  it('lists due follow-ups as the generated data says', async () => {
    const { actor, data } = owners[0]!;
    const today = todayIn(systemClock, actor.timezone);
    const due = data.followUps.filter((f) => !f.doneAt && (f.snoozedUntil ?? f.dueOn) <= today);
    expect(due.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await services.followUps.list(actor, { status: 'due', limit: 50, ...(cursor && { cursor }) });
      seen.push(...page.items.map((f) => f.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(due.map((f) => f.id).sort());
  });

  it('finds generated names, misspelled names and interaction topics, for their owner only', async () => {
    const [first, second] = owners as [(typeof owners)[number], (typeof owners)[number]];
    for (const { actor, data } of owners) {
      const c = data.contacts[17]!;
      const byName = await services.search.search(actor, { q: c.name, limit: 20 });
      expect(byName.items.map((h) => h.id)).toContain(c.id);
      const target = data.contacts.find((x) => /^[a-z]{6,}$/.test(x.familyName.toLowerCase()))!;
      const misspelled = `${target.familyName.slice(0, 2)}${target.familyName[3]}${target.familyName[2]}${target.familyName.slice(4)}`;
      const byTypo = await services.search.search(actor, { q: misspelled, type: 'contact', limit: 50 });
      expect(byTypo.items.some((h) => h.title.includes(target.familyName))).toBe(true);
      const topic = await services.search.search(actor, { q: 'kubernetes', type: 'interaction', limit: 5 });
      expect(topic.items.length).toBeGreaterThan(0);
      expect(topic.items[0]!.contactId).not.toBeNull();
    }
    // The first owner's contacts are invisible to the second.
    const theirs = await services.search.search(second.actor, { q: first.data.contacts[17]!.name, limit: 50 });
    expect(theirs.items.map((h) => h.id)).not.toContain(first.data.contacts[17]!.id);
    // The bench's own query mix answers on this data (the benchmark measures real work).
    const queries = searchQueries(first.data, createRandom(3), 40);
    let answered = 0;
    for (const q of queries) if ((await services.search.search(first.actor, { q, limit: 20 })).items.length) answered++;
    expect(answered).toBeGreaterThan(queries.length / 2);
  });

  it("writes search documents and vocabulary exactly as the services' indexer does", async () => {
    const { actor, data } = owners[0]!;
    // The indexer reads a contact's tags in no particular order, so lines are compared as a set, and
    // PostgreSQL's tsvector without positions.
    const docs = async () => {
      const rows =
        dialect === 'postgres'
          ? await sql<{ ref_id: string; title: string; body: string; tsv: string }>`
              select ref_id, title, body, strip(tsv)::text as tsv from search_doc where owner_id = ${actor.userId} order by ref_id`.execute(database.db)
          : await sql<{ ref_id: string; title: string; body: string }>`
              select d.ref_id, f.title, f.body from search_doc d
              join (select rowid, 'contact' as kind, title, body from search_fts_contact
                    union all select rowid, 'interaction', title, body from search_fts_interaction) f on f.rowid = d.id and f.kind = d.kind
              where d.owner_id = ${actor.userId} order by d.ref_id`.execute(database.db);
      return rows.rows.map((r) => ({ ...r, body: r.body.split('\n').sort() }));
    };
    const terms = async () =>
      (await database.db.selectFrom('search_term').select('term').where('owner_id', '=', actor.userId).orderBy('term').execute()).map((r) => r.term);

    const loadedDocs = await docs();
    const loadedTerms = await terms();
    expect(new Set(loadedTerms)).toEqual(new Set(loadedDocs.flatMap((d) => vocabulary(`${d.title} ${d.body.join(' ')}`))));

    // Re-index everything through the app's own indexer: nothing may change.
    const interactions = await database.db.selectFrom('interaction').select(['id', 'summary', 'notes']).where('owner_id', '=', actor.userId).execute();
    await database.db.transaction().execute(async (trx) => {
      await reindexContacts(trx, dialect, actor.userId, data.contacts.map((c) => c.id));
      await indexInteractions(trx, dialect, actor.userId, interactions);
    });
    expect(await docs()).toEqual(loadedDocs);
    expect(await terms()).toEqual(loadedTerms);

    if (dialect === 'sqlite') {
      // The FTS5 indexes the worker built and the loader copied in are sound.
      for (const table of ['search_fts_contact', 'search_fts_interaction'])
        expect(() => database.sqlite!.prepare(`insert into ${table} (${table}, rank) values ('integrity-check', 1)`).run()).not.toThrow();
    }
  });

  it.runIf(dialect === 'sqlite')('leaves every index it rebuilt consistent with its table, and the database in WAL mode', () => {
    // The indexes are rebuilt with the sorter on helper threads and temporary files (sortOnHelperThreads).
    expect(database.sqlite!.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(database.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});

describe('bench bulk loader on sqlite, when preparing the rows fails', () => {
  it('stops the worker it had started on the interactions, leaves no scratch file, and a later load works', async () => {
    // The SQLite loader starts its worker before it prepares the rows (startSqliteWorker); the worker
    // then waits for the contacts' documents, which never come.
    const database = await createTestDatabase('sqlite');
    try {
      const services = await createServices({ database, config: testConfig({ openSignup: true }) });
      const user = await services.account.createUser({ email: 'failing@example.com', password: 'correct horse battery', timezone: 'Europe/Berlin' });
      const data = generate({ contacts: 60, interactions: 400, seed: 3 });
      const broken = { ...data, contacts: data.contacts.map((c, i) => (i === 10 ? { ...c, tags: [data.tags.length + 5] } : c)) };
      await expect(bulkLoad(database, user.id, broken, { parallel: true })).rejects.toThrow();
      const scratchFiles = () => readdirSync(dirname(database.url)).filter((name) => name.startsWith('.bulk-fts-'));
      expect(scratchFiles()).toEqual([]);
      const loaded = await bulkLoad(database, user.id, data, { parallel: true });
      expect(loaded.counts.searchDocs).toBe(460);
      expect(scratchFiles()).toEqual([]);
      const docs = (kind: string) => database.sqlite!.prepare('select count(*) from search_doc where kind = ?').pluck().get(kind);
      expect([docs('contact'), docs('interaction')]).toEqual([60, 400]);
    } finally {
      await database.drop();
    }
  });
});
