import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { RapportDatabase } from '../src/server/db/database';
import type { DB } from '../src/server/db/schema';
import { handlesOf } from '../src/server/domains/contacts/contacts.normalize';
import { nextDueOn } from '../src/server/domains/contacts/contacts.derived';
import { kindProfiles } from '../src/server/domains/relationships/kinds';
import { recomputeOwner } from '../src/server/domains/relationships/recompute';
import type { InteractionKind } from '../src/contracts/interactions';
import { ftsTable } from '../src/server/domains/search/search.repository';
import { contactDocText, interactionDocText } from '../src/server/domains/search/search.index';
import { tsvectorText } from '../src/server/domains/search/search.text';
import type { BenchData, BenchInteraction } from './generate';
import type { WorkerJob, WorkerResult, WorkerRun } from './bulk-load-worker';
import { vocabularyOf } from './vocabulary-of';

/**
 * Bulk loader for generated data: writes every table the app reads, with the derived columns and
 * the search index exactly as the services would leave them, but in large batches.
 *
 * SQLite: multi-row INSERT statements prepared on the raw better-sqlite3 handle, in big transactions.
 * The FTS5 index (the most expensive part) is built by a worker thread in a scratch file while the
 * main thread writes the other tables, then copied into the database through a second connection.
 * PostgreSQL: INSERT ... SELECT FROM unnest($1::text[], ...) batches in two transactions on two
 * connections at once (the relational tables; the search tables), the worker computing the search
 * vocabulary meanwhile; then VACUUM ANALYZE. (Two transactions: a failed load can leave one half.)
 * Secondary indexes of the loaded tables are dropped first and rebuilt from their own definitions
 * afterwards (sorting once is cheaper than inserting a million entries at random positions).
 */

export interface BulkLoadOptions {
  /** Drop and rebuild secondary indexes around the load (default true). */
  rebuildIndexes?: boolean;
  /** Rows per batch on PostgreSQL (default 5000). */
  batchSize?: number;
  /**
   * Use the worker thread (default: when there are 20,000 documents or more). On SQLite the
   * parallel FTS build also needs a file database whose search index is still empty; otherwise
   * the index is written in place.
   */
  parallel?: boolean;
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
  interaction_contact: ['interaction_id', 'contact_id', 'owner_id', 'occurred_at', 'kind', 'initiated_by'],
  note: ['id', 'owner_id', 'contact_id', 'body', 'pinned', 'created_at', 'updated_at'],
  follow_up: ['id', 'owner_id', 'contact_id', 'due_on', 'reason', 'done_at', 'snoozed_until', 'remind_on', 'created_at', 'updated_at'],
  search_doc: ['id', 'owner_id', 'kind', 'ref_id'],
} as const;
type Table = keyof typeof columns;

/** PostgreSQL element types for unnest(), per column. */
const pgTypes: Record<string, string> = {
  created_at: 'timestamptz', updated_at: 'timestamptz', occurred_at: 'timestamptz', last_interaction_at: 'timestamptz', done_at: 'timestamptz',
  next_due_on: 'date', due_on: 'date', snoozed_until: 'date', remind_on: 'date',
  cadence_days: 'int4', duration_minutes: 'int4',
  starred: 'bool', archived: 'bool', pinned: 'bool',
};

type Row = unknown[];

/** Everything but the interactions, as rows (dialect-neutral values), plus the contacts' search docs. */
interface Prepared {
  small: { table: Table; rows: Row[] }[];
  /** [ref_id, title, body] of each contact. */
  contactDocs: [string, string, string][];
}

/** Rows of the small tables, with the derived columns computed as refreshDerived would. */
function prepare(data: BenchData, ownerId: string, timezone: string): Prepared {
  const { organizations, tags, contacts, interactions, notes, followUps } = data;

  const lastAt: (string | null)[] = new Array(contacts.length).fill(null);
  for (const i of interactions) for (const c of i.contacts) if (lastAt[c] === null || i.occurredAt > lastAt[c]!) lastAt[c] = i.occurredAt;
  // The keep-in-touch clock runs from the last meaningful interaction (relationships/kinds.ts); the
  // strength aggregates are left at their defaults: recomputeOwner fills them (bench scenario strength_all).
  const lastMeaningfulAt: (string | null)[] = new Array(contacts.length).fill(null);
  for (const i of interactions)
    if (kindProfiles[i.kind as InteractionKind].meaningful)
      for (const c of i.contacts) if (lastMeaningfulAt[c] === null || i.occurredAt > lastMeaningfulAt[c]!) lastMeaningfulAt[c] = i.occurredAt;

  const notesByContact = new Map<number, { body: string; createdAt: string }[]>();
  for (const n of notes) {
    const list = notesByContact.get(n.contact);
    if (list) list.push(n);
    else notesByContact.set(n.contact, [n]);
  }

  const contactRows: Row[] = [];
  const handleRows: Row[] = [];
  const contactTagRows: Row[] = [];
  const contactDocs: Prepared['contactDocs'] = [];
  contacts.forEach((c, index) => {
    const organization = c.organization === null ? null : organizations[c.organization]!;
    const due = nextDueOn({ cadence_days: c.cadenceDays, created_at: c.createdAt, circle: c.circle }, lastMeaningfulAt[index]!, timezone);
    contactRows.push([
      c.id, ownerId, c.name, c.name.toLowerCase(), c.givenName, c.familyName, c.pronouns, c.headline, organization?.id ?? null, c.title, c.location, c.timezone,
      JSON.stringify(c.emails), JSON.stringify(c.phones), JSON.stringify(c.socialProfiles), c.birthday, c.howWeMet, c.circle, c.cadenceDays,
      c.starred, c.archived, lastAt[index], due, c.createdAt, c.createdAt,
    ]);
    // As replaceHandles: unique by kind and value.
    const handles = new Map(handlesOf(c).map((h) => [`${h.kind}:${h.value}`, h]));
    for (const h of handles.values()) handleRows.push([ownerId, h.kind, h.value, c.id]);
    for (const t of new Set(c.tags)) contactTagRows.push([c.id, tags[t]!.id, ownerId]);
    // Newest note first, as reindexContacts reads them.
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
    contactDocs.push([c.id, doc.title, doc.body]);
  });

  return {
    small: [
      { table: 'organization', rows: organizations.map((o) => [o.id, ownerId, o.name, o.name.trim().toLowerCase(), o.domain, o.website, null, o.createdAt, o.createdAt]) },
      { table: 'tag', rows: tags.map((t) => [t.id, ownerId, t.name, t.name.trim().toLowerCase(), t.color, t.createdAt, t.createdAt]) },
      { table: 'contact', rows: contactRows },
      { table: 'contact_handle', rows: handleRows },
      { table: 'contact_tag', rows: contactTagRows },
      { table: 'note', rows: notes.map((n) => [n.id, ownerId, contacts[n.contact]!.id, n.body, n.pinned, n.createdAt, n.createdAt]) },
      {
        table: 'follow_up',
        rows: followUps.map((f) => [f.id, ownerId, contacts[f.contact]!.id, f.dueOn, f.reason, f.doneAt, f.snoozedUntil, f.snoozedUntil ?? f.dueOn, f.createdAt, f.doneAt ?? f.createdAt]),
      },
    ],
    contactDocs,
  };
}

/** The interaction rows and their links, generated lazily (a million arrays at once would only feed the GC). */
function* interactionRows(interactions: BenchInteraction[], ownerId: string): Generator<Row> {
  for (const i of interactions) yield [i.id, ownerId, i.kind, i.occurredAt, i.durationMinutes, i.initiatedBy, i.summary, i.notes, i.occurredAt, i.occurredAt];
}
function* linkRows(data: BenchData, ownerId: string): Generator<Row> {
  const { contacts } = data;
  for (const i of data.interactions) for (const c of i.contacts) yield [i.id, contacts[c]!.id, ownerId, i.occurredAt, i.kind, i.initiatedBy];
}

/** Every search document's title and body, contacts first, as "title\0body\0title\0body...". */
function documentTexts(prepared: Prepared, interactions: BenchInteraction[]): string {
  return [contactTexts(prepared.contactDocs), interactionTexts(interactions)].filter((texts) => texts !== '').join('\u0000');
}
function contactTexts(contactDocs: Prepared['contactDocs']): string {
  const parts: string[] = new Array(2 * contactDocs.length);
  let k = 0;
  for (const [, title, body] of contactDocs) {
    parts[k++] = title;
    parts[k++] = body;
  }
  return parts.join('\u0000');
}
function interactionTexts(interactions: BenchInteraction[]): string {
  const parts: string[] = new Array(2 * interactions.length);
  let k = 0;
  for (const i of interactions) {
    const doc = interactionDocText(i);
    parts[k++] = doc.title;
    parts[k++] = doc.body;
  }
  return parts.join('\u0000');
}

interface RunningWorker {
  result: Promise<WorkerResult>;
  /** Sends the worker its next run of documents. */
  post: (run: WorkerRun) => void;
  terminate: () => Promise<void>;
}

function runWorker(job: WorkerJob): RunningWorker {
  const worker = new Worker(new URL('./bulk-load-worker.mjs', import.meta.url), { workerData: job });
  const result = new Promise<WorkerResult>((resolve, reject) => {
    let message: WorkerResult | undefined;
    worker.once('message', (m: WorkerResult) => (message = m));
    worker.once('error', reject);
    worker.once('exit', (code) => (message ? resolve(message) : reject(new Error(`bulk-load worker exited with code ${code}`))));
  });
  // Even if the main thread fails first, the worker's promise must not go unhandled.
  result.catch(() => {});
  return { result, post: (run) => worker.postMessage(run), terminate: async () => void (await worker.terminate()) };
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
  // One search document per contact and per interaction.
  const documents = data.contacts.length + data.interactions.length;
  const parallel = options.parallel ?? documents >= 20_000;
  if (database.dialect === 'sqlite' && !database.sqlite) throw new Error('bulkLoad: the SQLite database has no raw handle');
  // On SQLite the worker starts before the rows are prepared (startSqliteWorker).
  const sqliteWorker = database.dialect === 'sqlite' && parallel ? startSqliteWorker(database.sqlite!, ownerId, data) : undefined;
  let prepared: Prepared;
  try {
    prepared = prepare(data, ownerId, user.timezone);
    sqliteWorker?.sendContacts(prepared.contactDocs);
  } catch (error) {
    await sqliteWorker?.abandon();
    throw error;
  }
  phase('prepare');

  const record = (name: string, ms: number) => {
    phases[name] = ms;
    options.onPhase?.(name, ms);
  };
  const context: LoadContext = { record, ownerId, timezone: user.timezone, data, prepared, rebuildIndexes: options.rebuildIndexes ?? true, parallel, phase };
  let terms: number;
  if (database.dialect === 'sqlite') {
    terms = await loadSqlite(database.sqlite!, context, sqliteWorker);
  } else {
    terms = await loadPostgres(database.db, context, options.batchSize ?? 5000);
  }
  if (database.dialect === 'sqlite') await storeRelationshipAggregates(database.db, context);

  const count = (table: Table) => prepared.small.find((s) => s.table === table)!.rows.length;
  return {
    counts: {
      organizations: count('organization'),
      tags: count('tag'),
      contacts: count('contact'),
      contactHandles: count('contact_handle'),
      contactTags: count('contact_tag'),
      interactions: data.interactions.length,
      interactionContacts: data.interactions.reduce((sum, i) => sum + i.contacts.length, 0),
      notes: count('note'),
      followUps: count('follow_up'),
      searchDocs: documents,
      searchTerms: terms,
    },
    phases,
    contactIds: data.contacts.map((c) => c.id),
  };
}

interface LoadContext {
  /** Records a phase that was timed by the caller (PostgreSQL runs two transactions at once). */
  record: (name: string, ms: number) => void;
  ownerId: string;
  /** The owner's time zone (next due dates, the relationship engine's months). */
  timezone: string;
  data: BenchData;
  prepared: Prepared;
  rebuildIndexes: boolean;
  parallel: boolean;
  phase: (name: string) => void;
}

/**
 * The relationship engine's stored aggregates (strength, dormant ties: issue 5), as the services keep
 * them: without them every loaded contact looked like one never met, and a read of a contact scored the
 * cheapest strength there is. The same computation as `rapport serve`'s recompute, in one transaction,
 * once the interactions and their indexes are in.
 */
async function storeRelationshipAggregates(db: Kysely<DB>, context: LoadContext): Promise<void> {
  const started = performance.now();
  await db.transaction().execute((trx) => recomputeOwner(trx, context.ownerId, context.timezone, new Date()));
  context.record('relationships', Math.round(performance.now() - started));
}

// ---------------------------------------------------------------------------------------------
// SQLite

/** Rows per INSERT statement: binding 100 rows per call costs far less than 100 calls. */
const PER_STATEMENT = 100;

const sqliteValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

function sqliteInserter(sqlite: Database.Database, table: Table) {
  const cols = columns[table];
  const tuple = `(${cols.map(() => '?').join(', ')})`;
  const prefix = `insert into ${table} (${cols.join(', ')}) values `;
  const many = sqlite.prepare(prefix + Array.from({ length: PER_STATEMENT }, () => tuple).join(', '));
  const one = sqlite.prepare(prefix + tuple);
  const width = cols.length;
  return (rows: Iterable<Row>) => {
    const args: unknown[] = new Array(PER_STATEMENT * width);
    let filled = 0;
    for (const row of rows) {
      for (let c = 0; c < width; c++) args[filled * width + c] = sqliteValue(row[c]);
      if (++filled === PER_STATEMENT) {
        many.run(args);
        filled = 0;
      }
    }
    for (let r = 0; r < filled; r++) one.run(args.slice(r * width, (r + 1) * width));
  };
}

/**
 * A multi-row INSERT that binds only what varies from row to row: `select` gives each of `table`'s
 * `targets` as an expression over the bound values of a row (column1 ... columnN of the VALUES list),
 * or as a constant (the owner, written into the statement once instead of bound a million times).
 * Binding is most of what a row costs the main thread, so a value bound once per row instead of three
 * times (an interaction's timestamps) is a saving. The caller writes a row's `width` values into `args`
 * from the offset it was given and calls `next()`, which runs a full statement and says where the next
 * row goes. `join` (optional) follows the VALUES list, named `v`, in the statement's from clause.
 */
function valuesInserter(sqlite: Database.Database, table: Table, targets: readonly string[], select: string[], width: number, join = '') {
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  const statement = (rows: number) =>
    sqlite.prepare(`insert into ${table} (${targets.join(', ')}) select ${select.join(', ')} from (values ${Array.from({ length: rows }, () => tuple).join(', ')}) as v ${join}`);
  const many = statement(PER_STATEMENT);
  const args: unknown[] = new Array(PER_STATEMENT * width);
  let at = 0;
  return {
    args,
    next(): number {
      at += width;
      if (at === args.length) {
        many.run(args);
        at = 0;
      }
      return at;
    },
    finish(): void {
      if (at === 0) return;
      const one = statement(1);
      for (let r = 0; r < at; r += width) one.run(args.slice(r, r + width));
      at = 0;
    },
  };
}

const sqliteText = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The interaction rows of interactionRows: created_at and updated_at are occurred_at, bound once. */
function insertInteractionsSqlite(sqlite: Database.Database, data: BenchData, ownerId: string): void {
  const insert = valuesInserter(sqlite, 'interaction', columns.interaction, ['column1', sqliteText(ownerId), 'column2', 'column3', 'column4', 'column5', 'column6', 'column7', 'column3', 'column3'], 7);
  const args = insert.args;
  let o = 0;
  for (const i of data.interactions) {
    args[o] = i.id;
    args[o + 1] = i.kind;
    args[o + 2] = i.occurredAt;
    args[o + 3] = i.durationMinutes;
    args[o + 4] = i.initiatedBy;
    args[o + 5] = i.summary;
    args[o + 6] = i.notes;
    o = insert.next();
  }
  insert.finish();
}

/**
 * The link rows of linkRows, right after their interactions were written in the same transaction
 * from `firstRowid` on (one row each, in data order). A link copies its interaction's id,
 * occurred_at, kind and initiated_by: those are read from the interaction's row by rowid (a lookup in
 * pages just written) instead of bound again, so a link binds an integer and the contact's id, and
 * the owner is written into the statement. Binding the three strings cost more than the lookup
 * (1.23 M links: ~2.0 instead of ~2.8 s of CPU, five runs each, interleaved).
 */
function insertLinksSqlite(sqlite: Database.Database, data: BenchData, ownerId: string, firstRowid: number): void {
  const insert = valuesInserter(
    sqlite,
    'interaction_contact',
    columns.interaction_contact,
    ['i.id', 'v.column2', sqliteText(ownerId), 'i.occurred_at', 'i.kind', 'i.initiated_by'],
    2,
    // CROSS JOIN keeps the VALUES list as the outer loop: the links are inserted (and get their
    // rowids) in the order they are bound.
    'cross join interaction as i on i.rowid = v.column1',
  );
  const args = insert.args;
  const contactIds = data.contacts.map((c) => c.id);
  let o = 0;
  let rowid = firstRowid;
  for (const i of data.interactions) {
    for (const c of i.contacts) {
      args[o] = rowid;
      args[o + 1] = contactIds[c];
      o = insert.next();
    }
    rowid++;
  }
  insert.finish();
}

/**
 * The interactions and then their links, in one transaction. The interactions take the rowids after
 * the table's largest (SQLite's rule for a table without an INTEGER PRIMARY KEY, while that is below
 * the maximum); the links find their interaction by it, so that is checked before they are written.
 */
function insertInteractionsAndLinksSqlite(sqlite: Database.Database, data: BenchData, ownerId: string): void {
  const maxRowid = () => (sqlite.prepare('select coalesce(max(rowid), 0) as m from interaction').get() as { m: number }).m;
  const firstRowid = maxRowid() + 1;
  insertInteractionsSqlite(sqlite, data, ownerId);
  const n = data.interactions.length;
  if (n === 0) return;
  const firstId = sqlite.prepare('select id from interaction where rowid = ?').pluck().get(firstRowid);
  if (maxRowid() !== firstRowid + n - 1 || firstId !== data.interactions[0]!.id) throw new Error('bulkLoad: the interactions did not get consecutive rowids');
  insertLinksSqlite(sqlite, data, ownerId, firstRowid);
}

/** The search_doc id (and FTS rowid) a load's first document takes: after any documents already there. */
const firstDocId = (sqlite: Database.Database): number => (sqlite.prepare('select coalesce(max(id), 0) as m from search_doc').get() as { m: number }).m + 1;

/** The search-index worker of a SQLite load (startSqliteWorker). */
interface SqliteWorker {
  /** search_doc id of the load's first document (contacts first, then interactions). */
  first: number;
  /** The file the worker builds the search index in, when it does (else it computes the vocabulary only). */
  scratch?: string;
  result: Promise<WorkerResult>;
  /** The contacts' documents, once prepared: the worker's second and last run. */
  sendContacts: (contactDocs: Prepared['contactDocs']) => void;
  /** Stops the worker and removes its scratch file (the load failed). */
  abandon: () => Promise<void>;
}

/**
 * Starts the worker of a SQLite load on the interactions' documents, which need nothing prepared: the
 * contacts' documents follow once prepare() has built them, while the worker indexes the million
 * interactions. With a scratch file the worker builds the whole search index there (search_doc and
 * the FTS5 tables), each document with its final id: contacts from `first`, then interactions.
 */
function startSqliteWorker(sqlite: Database.Database, ownerId: string, data: BenchData): SqliteWorker {
  const file = sqlite.name;
  // search_doc ids are the FTS rowids; continue after any documents already there.
  const first = firstDocId(sqlite);
  const kinds = ['contact', 'interaction'] as const;
  const ftsEmpty = kinds.every((kind) => (sqlite.prepare(`select count(*) as n from ${ftsTable(kind)}_docsize`).get() as { n: number }).n === 0);
  // The parallel FTS build replaces the whole index, so only when it is still empty; and it needs a
  // second connection to the same file.
  const parallelFts = ftsEmpty && first === 1 && !sqlite.memory && existsSync(file);
  const scratch = parallelFts ? join(dirname(file), `.bulk-fts-${randomBytes(6).toString('hex')}.db`) : undefined;
  const ddl = (name: string) => (sqlite.prepare(`select sql from sqlite_master where name = ?`).get(name) as { sql: string }).sql;
  const fts = scratch
    ? { file: scratch, tables: Object.fromEntries(kinds.map((kind) => [kind, { name: ftsTable(kind), createSql: ddl(ftsTable(kind)) }])), searchDoc: { createSql: ddl('search_doc'), ownerId } }
    : undefined;
  const ids = (refIds: string[]) => (scratch ? { refIds: refIds.join('\u0000') } : {});
  const worker = runWorker({
    run: { kind: 'interaction', texts: interactionTexts(data.interactions), firstRowid: first + data.contacts.length, ...ids(data.interactions.map((i) => i.id)) },
    more: 1,
    fts,
  });
  return {
    first,
    scratch,
    result: worker.result,
    sendContacts: (contactDocs) => worker.post({ kind: 'contact', texts: contactTexts(contactDocs), firstRowid: first, ...ids(contactDocs.map(([refId]) => refId)) }),
    abandon: async () => {
      await worker.terminate();
      if (scratch) rmSync(scratch, { force: true });
    },
  };
}

async function loadSqlite(sqlite: Database.Database, context: LoadContext, sqliteWorker: SqliteWorker | undefined): Promise<number> {
  const { ownerId, data, prepared, phase } = context;
  const file = sqlite.name;
  const first = sqliteWorker?.first ?? firstDocId(sqlite);
  const scratch = sqliteWorker?.scratch;
  const worker = sqliteWorker?.result;
  // Without a scratch file this thread writes the search index itself (or the vocabulary too).
  const texts = scratch ? '' : documentTexts(prepared, data.interactions);
  const kindRuns: [string, number][] = [
    ['contact', prepared.contactDocs.length],
    ['interaction', data.interactions.length],
  ];

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
  // Helper threads for the index builds' sorts (see sortOnHelperThreads).
  sqlite.pragma('threads = 2');
  // A rollback journal in memory while loading, instead of WAL: in WAL mode every page went through
  // the log and was then copied into the database by a checkpoint after each table (the commits were
  // about a third of the main thread's time). Pages appended to the file need no journal, so the
  // in-memory one stays small. WAL mode comes back afterwards. Changing the mode needs the only
  // connection to the file; with another one open it stays WAL.
  let journalSwitched = false;
  if (!sqlite.memory && sqlite.pragma('journal_mode', { simple: true }) === 'wal') {
    try {
      journalSwitched = sqlite.pragma('journal_mode = MEMORY', { simple: true }) === 'memory';
    } catch {
      journalSwitched = false;
    }
  }

  const tableList = loadedTables.map((t) => `'${t}'`).join(', ');
  const indexes = context.rebuildIndexes
    ? (sqlite.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tableList})`).all() as { name: string; sql: string }[])
    : [];
  let terms: string[];
  try {
    for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);

    for (const { table, rows } of prepared.small) {
      sqlite.transaction(() => sqliteInserter(sqlite, table)(rows))();
      phase(table);
    }
    sqlite.transaction(() => insertInteractionsAndLinksSqlite(sqlite, data, ownerId))();
    phase('interactions');

    if (!scratch) {
      sqlite.transaction(() => {
        const insert = sqliteInserter(sqlite, 'search_doc');
        insert(prepared.contactDocs.map(([refId], k) => [first + k, ownerId, 'contact', refId]));
        const offset = first + prepared.contactDocs.length;
        insert(data.interactions.map((i, k) => [offset + k, ownerId, 'interaction', i.id]));
      })();
      phase('search_doc');
    }

    sortOnHelperThreads(sqlite, () =>
      sqlite.transaction(() => {
        for (const index of indexes) sqlite.exec(index.sql);
      })(),
    );
    phase('indexes');

    if (!scratch) {
      writeFtsInPlace(sqlite, first, texts, kindRuns);
      phase('search_fts');
    }
    terms = worker ? (await worker).terms : vocabularyOf(texts.split('\u0000'));
    phase(worker ? 'wait_for_worker' : 'vocabulary');
    const termStatement = sqlite.prepare('insert into search_term (owner_id, term) values (?, ?) on conflict do nothing');
    sqlite.transaction(() => {
      for (const term of terms) termStatement.run(ownerId, term);
    })();
    phase('search_term');
  } finally {
    sqlite.pragma(`foreign_keys = ${saved.foreignKeys}`);
    sqlite.pragma(`synchronous = ${saved.synchronous}`);
    sqlite.pragma(`cache_size = ${saved.cacheSize}`);
    sqlite.pragma(`temp_store = ${saved.tempStore}`);
    sqlite.pragma('threads = 0');
    if (scratch && !terms!) await sqliteWorker!.abandon();
  }

  try {
    if (scratch) {
      try {
        copyFtsIndex(file, scratch);
      } finally {
        rmSync(scratch, { force: true });
      }
      phase('search_index_copy');
    }
  } finally {
    if (journalSwitched) sqlite.pragma('journal_mode = WAL');
  }
  // Leave a small WAL behind so the first readers do not wade through a gigabyte of log.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  phase('checkpoint');
  return terms.length;
}

/**
 * Runs `build` (CREATE INDEX statements) with SQLite's sorter allowed to use its helper threads
 * (PRAGMA threads). It never does with temp_store = MEMORY, and a sort that fits in the page cache is
 * done in one piece on the calling thread; so for the duration of `build` temporary data goes to
 * files and the cache is small: the sorter then cuts the entries into runs of about the cache's size,
 * sorts them on the helper threads and merges them there too, and the main thread (the load's
 * critical path) only reads the table and writes the finished index. The 1.2 M-entry timeline index
 * took about 2.5 s of main-thread CPU in one piece and takes about 0.9 s this way.
 */
function sortOnHelperThreads(sqlite: Database.Database, build: () => void): void {
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const tempStore = sqlite.pragma('temp_store', { simple: true }) as number;
  sqlite.pragma('temp_store = FILE');
  sqlite.pragma('cache_size = -16384');
  try {
    build();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma(`temp_store = ${tempStore}`);
  }
}

function writeFtsInPlace(sqlite: Database.Database, first: number, texts: string, kindRuns: [string, number][]): void {
  const fields = texts.split('\u0000');
  sqlite.transaction(() => {
    let doc = 0;
    for (const [kind, count] of kindRuns) {
      const statement = sqlite.prepare(`insert into ${ftsTable(kind as 'contact' | 'interaction')} (rowid, title, body) values (?, ?, ?)`);
      for (const end = doc + count; doc < end; doc++) statement.run(first + doc, fields[2 * doc], fields[2 * doc + 1]);
    }
  })();
}

/**
 * Copies the search index the worker built (search_doc and the FTS5 shadow tables) into the
 * database, in one transaction. A second connection does it:
 * FTS5 caches an index's structure per connection and notices other connections' writes (through
 * PRAGMA data_version), not its own connection's direct writes to shadow tables. Shadow tables are
 * read-only to SQL in defensive mode, which this private connection turns off.
 */
function copyFtsIndex(file: string, scratch: string): void {
  const copier = new Database(file);
  try {
    copier.unsafeMode(true);
    copier.pragma('busy_timeout = 10000');
    copier.pragma('synchronous = OFF');
    // The database is out of WAL mode while it loads (loadSqlite): the copy journals in memory too.
    if (copier.pragma('journal_mode', { simple: true }) !== 'wal') copier.pragma('journal_mode = MEMORY');
    copier.pragma('cache_size = -262144');
    copier.prepare('attach database ? as scratch').run(scratch);
    // The shadow tables of each FTS5 table (<name>_data, _idx, _content, _docsize, _config).
    const shadows = (copier.prepare(`select name from scratch.sqlite_master where type = 'table' and (name like 'search\\_fts\\_contact\\_%' escape '\\' or name like 'search\\_fts\\_interaction\\_%' escape '\\')`).all() as { name: string }[]).map((r) => r.name);
    copier.transaction(() => {
      copier.exec('insert into main.search_doc select * from scratch.search_doc');
      for (const name of shadows) {
        copier.exec(`delete from main."${name}"`);
        copier.exec(`insert into main."${name}" select * from scratch."${name}"`);
      }
    })();
    copier.exec('detach database scratch');
  } finally {
    copier.close();
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

async function loadPostgres(db: Kysely<DB>, context: LoadContext, batchSize: number): Promise<number> {
  const { ownerId, data, prepared } = context;
  const texts = documentTexts(prepared, data.interactions);
  const worker = context.parallel ? runWorker({ run: { kind: 'document', texts }, more: 0 }).result : undefined;
  const started = performance.now();
  // Each of the two transactions times its own steps.
  const stopwatch = (prefix: string) => {
    let mark = performance.now();
    return (name: string) => {
      const now = performance.now();
      context.record(`${prefix}${name}`, Math.round(now - mark));
      mark = now;
    };
  };

  /**
   * One transaction on its own connection: drops the secondary indexes of its tables, runs `load`,
   * rebuilds the indexes. Foreign keys are not checked row by row (as on SQLite): every reference
   * comes from the same generated data. Only a superuser may switch those triggers off; anyone else
   * loads with the checks.
   */
  const transaction = (tables: string[], load: (trx: Kysely<DB>, lap: (name: string) => void) => Promise<void>, lap: (name: string) => void) =>
    db.connection().execute((connection) =>
      connection.transaction().execute(async (trx) => {
        await sql`set local synchronous_commit = off`.execute(trx);
        await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
        await sql`savepoint replica_role`.execute(trx);
        try {
          await sql`set local session_replication_role = replica`.execute(trx);
          await sql`release savepoint replica_role`.execute(trx);
        } catch {
          await sql`rollback to savepoint replica_role`.execute(trx);
        }
        const indexes = context.rebuildIndexes
          ? (
              await sql<{ indexname: string; indexdef: string }>`
                select i.indexname, i.indexdef from pg_indexes i
                where i.schemaname = current_schema() and i.tablename in (${sql.join(tables)})
                  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(trx)
            ).rows
          : [];
        for (const index of indexes) await sql.raw(`drop index "${index.indexname}"`).execute(trx);
        await load(trx, lap);
        for (const index of indexes) await sql.raw(index.indexdef).execute(trx);
        lap('indexes');
      }),
    );

  const insert = async (trx: Kysely<DB>, table: Table, rows: Iterable<Row>) => {
    const cols = columns[table];
    const flush = async (batch: Row[]) => {
      const arrays = cols.map((_, c) => batch.map((row) => row[c]));
      const unnest = sql.join(cols.map((col, c) => sql`${arrays[c]}::${sql.raw(pgTypes[col] ?? 'text')}[]`));
      await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.id(c)))}) select * from unnest(${unnest})`.execute(trx);
    };
    let batch: Row[] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === batchSize) {
        await flush(batch);
        batch = [];
      }
    }
    if (batch.length) await flush(batch);
  };

  // The relational tables and the search tables share no foreign key, so two backends (two cores)
  // load them side by side.
  const relational = transaction(
    loadedTables.filter((t) => !t.startsWith('search_')),
    async (trx, lap) => {
      for (const { table, rows } of prepared.small) await insert(trx, table, rows);
      lap('contacts');
      await insert(trx, 'interaction', interactionRows(data.interactions, ownerId));
      await insert(trx, 'interaction_contact', linkRows(data, ownerId));
      lap('interactions');
    },
    stopwatch('relational.'),
  );

  let termCount = 0;
  const search = transaction(
    ['search_doc', 'search_term'],
    async (trx, lap) => {
      // As upsertDocs: the tsvector is built by the server from our own words (tsvectorText).
      const fields = texts.split('\u0000');
      const contactDocs = prepared.contactDocs.length;
      const documents = fields.length / 2;
      for (let from = 0; from < documents; from += batchSize) {
        const to = Math.min(documents, from + batchSize);
        const refIds: string[] = [];
        const kinds: string[] = [];
        const titles: string[] = [];
        const bodies: string[] = [];
        for (let k = from; k < to; k++) {
          refIds.push(k < contactDocs ? prepared.contactDocs[k]![0] : data.interactions[k - contactDocs]!.id);
          kinds.push(k < contactDocs ? 'contact' : 'interaction');
          titles.push(fields[2 * k]!);
          bodies.push(fields[2 * k + 1]!);
        }
        await sql`
          insert into search_doc (ref_id, owner_id, kind, title, body, tsv)
          select r, ${ownerId}, k, t, b, setweight(to_tsvector('simple', nt), 'A') || setweight(to_tsvector('simple', nb), 'B')
          from unnest(${refIds}::text[], ${kinds}::text[], ${titles}::text[], ${bodies}::text[], ${titles.map(tsvectorText)}::text[], ${bodies.map(tsvectorText)}::text[]) as u(r, k, t, b, nt, nb)`.execute(trx);
      }
      lap('search_doc');
      const terms = worker ? (await worker).terms : vocabularyOf(fields);
      termCount = terms.length;
      lap(worker ? 'wait_for_worker' : 'vocabulary');
      for (let from = 0; from < terms.length; from += batchSize) {
        const batch = terms.slice(from, from + batchSize);
        await sql`insert into search_term (owner_id, term) select ${ownerId}, t from unnest(${batch}::text[]) as u(t) on conflict do nothing`.execute(trx);
      }
      lap('search_term');
    },
    stopwatch('search.'),
  );
  // Both settle before anything is reported, so a failure in one never leaves the other running.
  const outcomes = await Promise.allSettled([relational, search]);
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
  context.record('transactions', Math.round(performance.now() - started));

  // Before VACUUM: the aggregates update every contact row, and the visibility maps must cover that.
  // They change indexed columns, so each update is a new row version in every index of the table: the
  // table is rewritten compactly, as if its rows had been written with their aggregates.
  await storeRelationshipAggregates(db, context);
  const compacted = performance.now();
  await sql`vacuum full contact`.execute(db);
  context.record('contact_rewrite', Math.round(performance.now() - compacted));
  // Fresh statistics and visibility maps, as autovacuum would leave them after a while: the planner
  // must not guess on a million rows it has never seen, and index-only scans must be index-only.
  const vacuumed = performance.now();
  for (const table of loadedTables) await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
  context.record('vacuum_analyze', Math.round(performance.now() - vacuumed));
  // The rows just written (and the hint bits and visibility maps VACUUM has just set) are dirty pages
  // that a spread checkpoint would otherwise write and fsync during the queries that follow, as a real
  // bulk import should before it reports done. Only a superuser (or pg_checkpoint) may ask for one.
  const checkpointed = performance.now();
  await sql`checkpoint`.execute(db).catch(() => {});
  context.record('checkpoint', Math.round(performance.now() - checkpointed));
  return termCount;
}
