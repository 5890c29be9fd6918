import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { RapportDatabase } from '../src/server/db/database';
import type { DB } from '../src/server/db/schema';
import { handlesOf } from '../src/server/domains/contacts/contacts.normalize';
import { nextDueOn } from '../src/server/domains/contacts/contacts.derived';
import { ownerToken } from '../src/server/domains/search/search.repository';
import { contactDocText, interactionDocText } from '../src/server/domains/search/search.index';
import { normalize, vocabulary } from '../src/server/domains/search/search.text';
import type { BenchData } from './generate';

/**
 * Bulk loader for generated data: writes every table the app reads, with the derived columns and
 * the search index exactly as the services would leave them, but in large batches.
 * SQLite: prepared statements on the raw better-sqlite3 handle inside big transactions.
 * PostgreSQL: multi-row INSERT ... SELECT FROM unnest($1::text[], ...) batches on one connection,
 * all in one transaction.
 * Secondary indexes of the loaded tables are dropped first and rebuilt from their own definitions
 * afterwards (sorting once is cheaper than inserting a million entries at random positions).
 */

export interface BulkLoadOptions {
  /** Drop and rebuild secondary indexes around the load (default true). */
  rebuildIndexes?: boolean;
  /** Rows per batch on PostgreSQL (default 5000). */
  batchSize?: number;
  onPhase?: (phase: string, ms: number) => void;
}

export interface BulkLoadResult {
  counts: Record<string, number>;
  /** Milliseconds per phase, in order. */
  phases: Record<string, number>;
  /** Ids by generated index, for callers that query what they loaded. */
  contactIds: string[];
}

/** The tables a load writes; their secondary indexes are rebuilt around it. */
const loadedTables = ['organization', 'tag', 'contact', 'contact_handle', 'contact_tag', 'interaction', 'interaction_contact', 'note', 'follow_up', 'search_term', 'search_doc'];

interface Rows {
  organizations: unknown[][];
  tags: unknown[][];
  contacts: unknown[][];
  handles: unknown[][];
  contactTags: unknown[][];
  interactions: unknown[][];
  interactionContacts: unknown[][];
  notes: unknown[][];
  followUps: unknown[][];
  /** [ref_id, kind, title, body] */
  docs: [string, 'contact' | 'interaction', string, string][];
  terms: string[];
}

const columns = {
  organization: ['id', 'owner_id', 'name', 'name_key', 'domain', 'website', 'notes', 'created_at', 'updated_at'],
  tag: ['id', 'owner_id', 'name', 'name_key', 'color', 'created_at', 'updated_at'],
  contact: [
    'id', 'owner_id', 'name', 'sort_name', 'given_name', 'family_name', 'pronouns', 'headline', 'organization_id', 'title', 'location', 'timezone',
    'emails', 'phones', 'social_profiles', 'birthday', 'how_we_met', 'circle', 'cadence_days', 'starred', 'archived', 'last_interaction_at', 'next_due_on',
    'created_at', 'updated_at',
  ],
  contact_handle: ['owner_id', 'kind', 'value', 'contact_id'],
  contact_tag: ['contact_id', 'tag_id', 'owner_id'],
  interaction: ['id', 'owner_id', 'kind', 'occurred_at', 'duration_minutes', 'initiated_by', 'summary', 'notes', 'created_at', 'updated_at'],
  interaction_contact: ['interaction_id', 'contact_id', 'owner_id', 'occurred_at'],
  note: ['id', 'owner_id', 'contact_id', 'body', 'pinned', 'created_at', 'updated_at'],
  follow_up: ['id', 'owner_id', 'contact_id', 'due_on', 'reason', 'done_at', 'snoozed_until', 'remind_on', 'created_at', 'updated_at'],
} as const;

/** PostgreSQL element types for unnest(), per column. */
const pgTypes: Record<string, string> = {
  created_at: 'timestamptz', updated_at: 'timestamptz', occurred_at: 'timestamptz', last_interaction_at: 'timestamptz', done_at: 'timestamptz',
  next_due_on: 'date', due_on: 'date', snoozed_until: 'date', remind_on: 'date',
  cadence_days: 'int4', duration_minutes: 'int4',
  starred: 'bool', archived: 'bool', pinned: 'bool',
};

/**
 * The search vocabulary of many documents. Same result as the union of vocabulary(doc) (the app's
 * own function), computed per whitespace-separated chunk with a memo: words never span whitespace,
 * and a million summaries are made of a few thousand distinct chunks.
 */
function vocabularyOf(texts: Iterable<string>): string[] {
  const memo = new Map<string, string[]>();
  const terms = new Set<string>();
  for (const text of texts) {
    for (const chunk of text.split(/\s+/)) {
      let words = memo.get(chunk);
      if (!words) memo.set(chunk, (words = vocabulary(chunk)));
      for (const w of words) terms.add(w);
    }
  }
  return [...terms].sort();
}

/** Turns generated data into rows (dialect-neutral values), with derived columns and search docs. */
function buildRows(data: BenchData, ownerId: string, timezone: string): Rows {
  const { organizations, tags, contacts, interactions, notes, followUps } = data;
  const bool = (v: boolean) => v;

  const lastAt: (string | null)[] = new Array(contacts.length).fill(null);
  for (const i of interactions) for (const c of i.contacts) if (lastAt[c] === null || i.occurredAt > lastAt[c]!) lastAt[c] = i.occurredAt;

  const notesByContact = new Map<number, { body: string; createdAt: string }[]>();
  for (const n of notes) notesByContact.set(n.contact, [...(notesByContact.get(n.contact) ?? []), n]);

  const rows: Rows = {
    organizations: organizations.map((o) => [o.id, ownerId, o.name, o.name.trim().toLowerCase(), o.domain, o.website, null, o.createdAt, o.createdAt]),
    tags: tags.map((t) => [t.id, ownerId, t.name, t.name.trim().toLowerCase(), t.color, t.createdAt, t.createdAt]),
    contacts: [],
    handles: [],
    contactTags: [],
    interactions: new Array(interactions.length),
    interactionContacts: [],
    notes: notes.map((n) => [n.id, ownerId, contacts[n.contact]!.id, n.body, bool(n.pinned), n.createdAt, n.createdAt]),
    followUps: followUps.map((f) => {
      const updatedAt = f.doneAt ?? f.createdAt;
      return [f.id, ownerId, contacts[f.contact]!.id, f.dueOn, f.reason, f.doneAt, f.snoozedUntil, f.snoozedUntil ?? f.dueOn, f.createdAt, updatedAt];
    }),
    docs: [],
    terms: [],
  };

  contacts.forEach((c, index) => {
    const organization = c.organization === null ? null : organizations[c.organization]!;
    const due = nextDueOn({ cadence_days: c.cadenceDays, created_at: c.createdAt }, lastAt[index]!, timezone);
    rows.contacts.push([
      c.id, ownerId, c.name, c.name.toLowerCase(), c.givenName, c.familyName, c.pronouns, c.headline, organization?.id ?? null, c.title, c.location, c.timezone,
      JSON.stringify(c.emails), JSON.stringify(c.phones), JSON.stringify(c.socialProfiles), c.birthday, c.howWeMet, c.circle, c.cadenceDays,
      bool(c.starred), bool(c.archived), lastAt[index], due, c.createdAt, c.createdAt,
    ]);
    // As replaceHandles: unique by kind and value.
    const handles = new Map(handlesOf(c).map((h) => [`${h.kind}:${h.value}`, h]));
    for (const h of handles.values()) rows.handles.push([ownerId, h.kind, h.value, c.id]);
    for (const t of new Set(c.tags)) rows.contactTags.push([c.id, tags[t]!.id, ownerId]);
    const contactNotes = (notesByContact.get(index) ?? []).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    const doc = contactDocText({
      name: c.name,
      organization: organization?.name,
      title: c.title,
      headline: c.headline,
      emails: c.emails,
      tags: c.tags.map((t) => tags[t]!.name),
      location: c.location,
      howWeMet: c.howWeMet,
      notes: contactNotes.map((n) => n.body),
    });
    rows.docs.push([c.id, 'contact', doc.title, doc.body]);
  });

  interactions.forEach((i, index) => {
    rows.interactions[index] = [i.id, ownerId, i.kind, i.occurredAt, i.durationMinutes, i.initiatedBy, i.summary, i.notes, i.occurredAt, i.occurredAt];
    for (const c of i.contacts) rows.interactionContacts.push([i.id, contacts[c]!.id, ownerId, i.occurredAt]);
    const doc = interactionDocText(i);
    rows.docs.push([i.id, 'interaction', doc.title, doc.body]);
  });

  rows.terms = vocabularyOf((function* () {
    for (const d of rows.docs) yield `${d[2]} ${d[3]}`;
  })());
  return rows;
}

export async function bulkLoad(database: RapportDatabase, ownerId: string, data: BenchData, options: BulkLoadOptions = {}): Promise<BulkLoadResult> {
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    options.onPhase?.(name, phases[name]);
    mark = now;
  };

  const user = await database.db.selectFrom('user').select('timezone').where('id', '=', ownerId).executeTakeFirst();
  if (!user) throw new Error(`bulkLoad: no user ${ownerId}`);
  const rows = buildRows(data, ownerId, user.timezone);
  phase('prepare');

  if (database.dialect === 'sqlite') {
    if (!database.sqlite) throw new Error('bulkLoad: the SQLite database has no raw handle');
    loadSqlite(database.sqlite, ownerId, rows, options.rebuildIndexes ?? true, phase);
  } else {
    await loadPostgres(database.db, ownerId, rows, options.rebuildIndexes ?? true, options.batchSize ?? 5000, phase);
  }

  return {
    counts: {
      organizations: rows.organizations.length,
      tags: rows.tags.length,
      contacts: rows.contacts.length,
      contactHandles: rows.handles.length,
      contactTags: rows.contactTags.length,
      interactions: rows.interactions.length,
      interactionContacts: rows.interactionContacts.length,
      notes: rows.notes.length,
      followUps: rows.followUps.length,
      searchDocs: rows.docs.length,
      searchTerms: rows.terms.length,
    },
    phases,
    contactIds: data.contacts.map((c) => c.id),
  };
}

// ---------------------------------------------------------------------------------------------
// SQLite

function loadSqlite(sqlite: BetterSqlite3.Database, ownerId: string, rows: Rows, rebuildIndexes: boolean, phase: (name: string) => void): void {
  // Only this connection's settings change, and they are put back afterwards. Foreign keys are not
  // checked row by row: every reference comes from the same generated data.
  const saved = {
    foreignKeys: sqlite.pragma('foreign_keys', { simple: true }) as number,
    synchronous: sqlite.pragma('synchronous', { simple: true }) as number,
    cacheSize: sqlite.pragma('cache_size', { simple: true }) as number,
    tempStore: sqlite.pragma('temp_store', { simple: true }) as number,
  };
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('temp_store = MEMORY');

  const tableList = loadedTables.map((t) => `'${t}'`).join(', ');
  const indexes = rebuildIndexes
    ? (sqlite.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tableList})`).all() as { name: string; sql: string }[])
    : [];
  try {
    for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);

    const insert = (table: keyof typeof columns, list: unknown[][], chunk = 250_000) => {
      const cols = columns[table];
      const statement = sqlite.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
      const run = sqlite.transaction((from: number, to: number) => {
        for (let i = from; i < to; i++) statement.run(list[i]!.map(sqliteValue));
      });
      for (let i = 0; i < list.length; i += chunk) run(i, Math.min(list.length, i + chunk));
    };

    insert('organization', rows.organizations);
    insert('tag', rows.tags);
    insert('contact', rows.contacts);
    insert('contact_handle', rows.handles);
    insert('contact_tag', rows.contactTags);
    insert('note', rows.notes);
    insert('follow_up', rows.followUps);
    phase('contacts');
    insert('interaction', rows.interactions);
    insert('interaction_contact', rows.interactionContacts);
    phase('interactions');

    // search_doc ids are the FTS rowids; continue after any documents already there.
    const first = ((sqlite.prepare('select coalesce(max(id), 0) as m from search_doc').get() as { m: number }).m ?? 0) + 1;
    const token = ownerToken(ownerId);
    const docStatement = sqlite.prepare('insert into search_doc (id, owner_id, kind, ref_id) values (?, ?, ?, ?)');
    const ftsStatement = sqlite.prepare('insert into search_fts (rowid, owner, kind, title, body) values (?, ?, ?, ?, ?)');
    const writeDocs = sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const [refId, kind] = rows.docs[i]!;
        docStatement.run(first + i, ownerId, kind, refId);
      }
    });
    const writeFts = sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const [, kind, title, body] = rows.docs[i]!;
        ftsStatement.run(first + i, token, kind, title, body);
      }
    });
    for (let i = 0; i < rows.docs.length; i += 250_000) writeDocs(i, Math.min(rows.docs.length, i + 250_000));
    phase('search_doc');
    for (let i = 0; i < rows.docs.length; i += 250_000) writeFts(i, Math.min(rows.docs.length, i + 250_000));
    phase('search_fts');
    const termStatement = sqlite.prepare('insert into search_term (owner_id, term) values (?, ?) on conflict do nothing');
    sqlite.transaction(() => {
      for (const term of rows.terms) termStatement.run(ownerId, term);
    })();
    phase('search_term');

    sqlite.transaction(() => {
      for (const index of indexes) sqlite.exec(index.sql);
    })();
    phase('indexes');
  } finally {
    sqlite.pragma(`foreign_keys = ${saved.foreignKeys}`);
    sqlite.pragma(`synchronous = ${saved.synchronous}`);
    sqlite.pragma(`cache_size = ${saved.cacheSize}`);
    sqlite.pragma(`temp_store = ${saved.tempStore}`);
  }
  // Leave a small WAL behind so the first readers do not wade through a gigabyte of log.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  phase('checkpoint');
}

const sqliteValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

// ---------------------------------------------------------------------------------------------
// PostgreSQL

async function loadPostgres(
  db: Kysely<DB>,
  ownerId: string,
  rows: Rows,
  rebuildIndexes: boolean,
  batchSize: number,
  phase: (name: string) => void,
): Promise<void> {
  await db.connection().execute(async (connection) => {
    await connection.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      await sql`set local maintenance_work_mem = '512MB'`.execute(trx);

      const indexes = rebuildIndexes
        ? (
            await sql<{ indexname: string; indexdef: string }>`
              select i.indexname, i.indexdef from pg_indexes i
              where i.schemaname = current_schema() and i.tablename in (${sql.join(loadedTables)})
                and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(trx)
          ).rows
        : [];
      for (const index of indexes) await sql.raw(`drop index "${index.indexname}"`).execute(trx);

      const insert = async (table: keyof typeof columns, list: unknown[][]) => {
        const cols = columns[table];
        for (let from = 0; from < list.length; from += batchSize) {
          const batch = list.slice(from, from + batchSize);
          const arrays = cols.map((_, c) => batch.map((row) => row[c]));
          const unnest = sql.join(cols.map((col, c) => sql`${arrays[c]}::${sql.raw(pgTypes[col] ?? 'text')}[]`));
          await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.id(c)))}) select * from unnest(${unnest})`.execute(trx);
        }
      };

      await insert('organization', rows.organizations);
      await insert('tag', rows.tags);
      await insert('contact', rows.contacts);
      await insert('contact_handle', rows.handles);
      await insert('contact_tag', rows.contactTags);
      await insert('note', rows.notes);
      await insert('follow_up', rows.followUps);
      phase('contacts');
      await insert('interaction', rows.interactions);
      await insert('interaction_contact', rows.interactionContacts);
      phase('interactions');

      // As upsertDocs: the tsvector is built by the server from the normalized text.
      for (let from = 0; from < rows.docs.length; from += batchSize) {
        const batch = rows.docs.slice(from, from + batchSize);
        const refIds = batch.map((d) => d[0]);
        const kinds = batch.map((d) => d[1]);
        const titles = batch.map((d) => d[2]);
        const bodies = batch.map((d) => d[3]);
        const normalizedTitles = titles.map(normalize);
        const normalizedBodies = bodies.map(normalize);
        await sql`
          insert into search_doc (ref_id, owner_id, kind, title, body, tsv)
          select r, ${ownerId}, k, t, b, setweight(to_tsvector('simple', nt), 'A') || setweight(to_tsvector('simple', nb), 'B')
          from unnest(${refIds}::text[], ${kinds}::text[], ${titles}::text[], ${bodies}::text[], ${normalizedTitles}::text[], ${normalizedBodies}::text[]) as u(r, k, t, b, nt, nb)`.execute(trx);
      }
      phase('search_doc');
      for (let from = 0; from < rows.terms.length; from += batchSize) {
        const terms = rows.terms.slice(from, from + batchSize);
        await sql`insert into search_term (owner_id, term) select ${ownerId}, t from unnest(${terms}::text[]) as u(t) on conflict do nothing`.execute(trx);
      }
      phase('search_term');

      for (const index of indexes) await sql.raw(index.indexdef).execute(trx);
      phase('indexes');
    });
  });
  // Fresh statistics, or the planner guesses on a million rows it has never seen.
  await sql`analyze`.execute(db);
  phase('analyze');
}
