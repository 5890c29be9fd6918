import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../db/dialect';
import { batchInsert } from '../../db/batch-insert';
import { hiddenValue, runPrepared } from '../../db/prepared';
import type { DB } from '../../db/schema';
import type { SearchType } from '../../../contracts/search';
import { addVocabulary, tsvectorText } from './search.text';
import { ftsTables } from '../../db/migrations/0006-perf-indexes';

/**
 * The only place that knows how each dialect does full-text search:
 * SQLite uses an FTS5 table per kind of document (rowid mapped through search_doc), PostgreSQL a
 * tsvector column with a GIN index and pg_trgm for typo candidates.
 */
export interface SearchDoc {
  ownerId: string;
  kind: SearchType;
  refId: string;
  title: string;
  body: string;
}

export interface SearchRow {
  kind: SearchType;
  refId: string;
  title: string;
  body: string;
}

/** SQLite: the FTS5 table that holds documents of this kind (migration 0006). */
export const ftsTable = (kind: SearchType) => ftsTables[kind];

/** Removes the documents of these ids; `kinds`, when given, names the only kinds they can be (SQLite then touches only those FTS tables). */
export async function removeDocs(db: Kysely<DB>, dialect: Dialect, refIds: string[], kinds?: Iterable<SearchType>): Promise<void> {
  if (refIds.length === 0) return;
  const tables = kinds ? [...new Set(kinds)].map(ftsTable) : Object.values(ftsTables);
  const d = db as Kysely<any>;
  if (dialect === 'postgres') {
    await d.deleteFrom('search_doc').where('ref_id', 'in', refIds).execute();
    return;
  }
  for (let i = 0; i < refIds.length; i += 500) {
    const chunk = refIds.slice(i, i + 500);
    for (const table of tables)
      await sql`delete from ${sql.table(table)} where rowid in (select id from search_doc where ref_id in (${sql.join(chunk)}))`.execute(db);
    await d.deleteFrom('search_doc').where('ref_id', 'in', chunk).execute();
  }
}

export interface UpsertOptions {
  /** The caller knows none of these documents exists yet (rows it has just created): nothing is deleted first. */
  fresh?: boolean;
  /**
   * Vocabulary words the caller's transaction has already written for this owner (an import indexing
   * in batches): they are not sent again, and the words written now are added to it.
   */
  terms?: Set<string>;
}

/**
 * Writes these documents in place of any older ones of the same ids. `fresh`: the caller knows none
 * exists yet (rows it has just created), so nothing is deleted first.
 */
export async function upsertDocs(db: Kysely<DB>, dialect: Dialect, docs: SearchDoc[], options: UpsertOptions = {}): Promise<void> {
  if (docs.length === 0) return;
  const d = db as Kysely<any>;
  /** SQLite: contact documents that exist keep their search_doc row (and rowid); only their FTS row is replaced. */
  const kept = new Map<string, number>();
  if (!options.fresh) {
    // Interactions are listed by rowid (most recently logged first): theirs are written anew, as before.
    const keepRows = dialect === 'sqlite' ? docs.filter((doc) => doc.kind === 'contact') : [];
    const renewed = keepRows.length ? docs.filter((doc) => doc.kind !== 'contact') : docs;
    for (let i = 0; i < keepRows.length; i += 500) {
      const ids = keepRows.slice(i, i + 500).map((doc) => doc.refId);
      const existing: { id: number; ref_id: string }[] = await d.selectFrom('search_doc').select(['id', 'ref_id']).where('ref_id', 'in', ids).where('kind', '=', 'contact').execute();
      if (existing.length === 0) continue;
      for (const r of existing) kept.set(r.ref_id, r.id);
      await d.deleteFrom(ftsTable('contact')).where('rowid', 'in', existing.map((r) => r.id)).execute();
    }
    await removeDocs(db, dialect, renewed.map((doc) => doc.refId), renewed.map((doc) => doc.kind));
  }
  // Many rows a statement (an import indexes thousands of contacts in one transaction).
  for (let i = 0; i < docs.length; i += 200) {
    const chunk = docs.slice(i, i + 200);
    if (dialect === 'postgres') {
      await d
        .insertInto('search_doc')
        .values(
          chunk.map((doc) => ({
            ref_id: doc.refId,
            owner_id: doc.ownerId,
            kind: doc.kind,
            title: doc.title,
            body: doc.body,
            tsv: sql`setweight(to_tsvector('simple', ${tsvectorText(doc.title)}), 'A') || setweight(to_tsvector('simple', ${tsvectorText(doc.body)}), 'B')`,
          })),
        )
        .execute();
    } else {
      // Statements compiled once per shape (an import indexes tens of thousands of documents).
      const inserted = await batchInsert<{ id: number; ref_id: string }>(
        d,
        'search_doc',
        ['owner_id', 'kind', 'ref_id'],
        chunk.filter((doc) => !kept.has(doc.refId)).map((doc) => [doc.ownerId, doc.kind, doc.refId]),
        { chunk: 200, returning: ['id', 'ref_id'] },
      );
      const rowids = new Map(inserted.map((r) => [r.ref_id, r.id]));
      for (const doc of chunk) if (kept.has(doc.refId)) rowids.set(doc.refId, kept.get(doc.refId)!);
      for (const kind of new Set(chunk.map((doc) => doc.kind))) {
        const rows = chunk.filter((doc) => doc.kind === kind).map((doc) => [rowids.get(doc.refId), doc.title, doc.body]);
        await batchInsert(d, ftsTable(kind), ['rowid', 'title', 'body'], rows, { chunk: 200 });
      }
    }
  }
  // One set of the words not yet written, filled as the documents are read (an import's 30,000
  // documents made an array and a set per document, then the flat list of every word and a set of it).
  const written = options.terms;
  const fresh = new Set<string>();
  for (const doc of docs) addVocabulary(`${doc.title} ${doc.body}`, fresh, written);
  await addTerms(db, docs[0]!.ownerId, [...fresh]);
  if (written) for (const t of fresh) written.add(t);
}

export async function addTerms(db: Kysely<DB>, ownerId: string, terms: string[]): Promise<void> {
  const unique = [...new Set(terms)];
  await batchInsert(db, 'search_term', ['owner_id', 'term'], unique.map((term) => [ownerId, term]), { chunk: 500, onConflict: ['owner_id', 'term'] });
}

/** Vocabulary words that could be `word` with a typo: pg_trgm similarity, or same first letter on SQLite. */
export async function typoCandidates(db: Kysely<DB>, dialect: Dialect, ownerId: string, word: string, typos = 2): Promise<string[]> {
  if (dialect === 'postgres') {
    // One plan whatever the word (a bitmap scan of the trigram index): prepared once per connection,
    // and planned once, the values hidden (with them visible every call was planned anew).
    const term = hiddenValue(word, 'text');
    const rows = await runPrepared(db, sql<{ term: string }>`select term from search_term where owner_id = ${hiddenValue(ownerId, 'text')} and term % ${term} order by similarity(term, ${term}) desc limit 200`);
    return rows.map((r) => r.term);
  }
  const first = word[0]!;
  const next = String.fromCodePoint(first.codePointAt(0)! + 1);
  const rows = await db
    .selectFrom('search_term')
    .select('term')
    .where('owner_id', '=', ownerId)
    .where('term', '>=', first)
    .where('term', '<', next)
    // A word within `typos` edits is at most that many letters longer or shorter.
    .where(sql<boolean>`length(term) between ${word.length - typos} and ${word.length + typos}`)
    .limit(5000)
    .execute();
  return rows.map((r) => r.term);
}

/**
 * Finds documents where every query group matches (a group: a word as prefix, or one of its
 * corrections), best first.
 */
export async function queryDocs(
  db: Kysely<DB>,
  dialect: Dialect,
  ownerId: string,
  kind: SearchType,
  groups: { prefix: string; alternatives: string[] }[],
  limit: number,
): Promise<SearchRow[]> {
  if (groups.length === 0) return [];
  // Contacts by relevance; interactions, most recently logged first (UUIDv7 ids and SQLite rowids
  // both grow with time), which is what a search of past conversations is after and what lets SQLite
  // stop at the limit instead of scoring every match of a common word.
  if (dialect === 'postgres') {
    const tsquery = groups.map((g) => `(${[`${g.prefix}:*`, ...g.alternatives].join(' | ')})`).join(' & ');
    const rows = kind === 'interaction' ? await newestInteractionDocs(db, ownerId, tsquery, limit) : (await plannedQuery(ownerId, kind, tsquery, limit).execute(db)).rows;
    return rows.map((r) => ({ kind: r.kind, refId: r.ref_id, title: r.title, body: r.body }));
  }
  // The owner is checked on search_doc, not as an FTS token: bm25 reads the full doclist of every
  // phrase in the MATCH, and an owner's token would be in every one of the owner's documents.
  const match = `{title body}: (${groups
    .map((g) => `(${[`"${g.prefix}"*`, ...g.alternatives.map((a) => `"${a}"`)].join(' OR ')})`)
    .join(' AND ')})`;
  // BM25 with the title ten times the body; for interactions FTS5 walks its index backwards.
  const table = sql.table(ftsTable(kind));
  const order = kind === 'contact' ? sql`bm25(${table}, 10.0, 1.0), d.ref_id` : sql`f.rowid desc`;
  const rows = await sql<{ ref_id: string; kind: SearchType; title: string; body: string }>`
    select d.ref_id, d.kind, f.title, f.body from ${table} f join search_doc d on d.id = f.rowid
    where ${table} match ${match} and d.owner_id = ${ownerId}
    order by ${order} limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({ kind: r.kind, refId: r.ref_id, title: r.title, body: r.body }));
}

type PgDocRow = { ref_id: string; kind: SearchType; title: string; body: string };

/**
 * Every matching interaction from the GIN index, sorted newest first. The materialized CTE keeps
 * PostgreSQL from walking the primary key instead (see newestInteractionDocs).
 */
async function allInteractionMatches(db: Kysely<DB>, ownerId: string, tsquery: string, limit: number): Promise<PgDocRow[]> {
  const { rows } = await sql<PgDocRow>`
    with m as materialized (
      select ref_id, kind, title, body from search_doc
      where owner_id = ${ownerId} and kind = 'interaction' and tsv @@ to_tsquery('simple', ${tsquery}))
    select ref_id, kind, title, body from m order by ref_id desc limit ${limit}`.execute(db);
  return rows;
}

/**
 * Matches among the owner's newest `window` interaction documents, newest first (a backward walk of
 * the primary key that stops at `limit` matches). Planned per call, not prepared: with the query's
 * value known, to_tsquery is folded into a constant; a generic plan called it once per row walked.
 */
async function walkNewest(db: Kysely<DB>, ownerId: string, tsquery: string, window: number, limit: number): Promise<PgDocRow[]> {
  const { rows } = await sql<PgDocRow>`
    select ref_id, kind, title, body from (
      select ref_id, kind, title, body, tsv from search_doc
      where owner_id = ${ownerId} and kind = 'interaction' order by ref_id desc limit ${window}) newest
    where tsv @@ to_tsquery('simple', ${tsquery}) order by ref_id desc limit ${limit}`.execute(db);
  return rows;
}

/**
 * How far the interaction search on PostgreSQL walks before it reads the index instead: first the newest
 * `sample` documents, then, when they promise enough matches, up to `max`. Tests make the walk tiny and
 * take it whatever the planner says (on test-sized data it never walks).
 */
export const interactionWalk = { sample: 3_000, max: 30_000, always: false };

/**
 * The query as PostgreSQL plans it by itself: contacts ranked (all their matches are scored anyway, so
 * it reads them from the GIN index), interactions newest first (see newestInteractionDocs). The kind is
 * a literal, which lets the planner use that kind's own GIN index (partial, migration 0013).
 */
export function plannedQuery(ownerId: string, kind: SearchType, tsquery: string, limit: number) {
  return sql<PgDocRow>`
    select ref_id, kind, title, body from search_doc, to_tsquery('simple', ${tsquery}) as q
    where owner_id = ${ownerId} and kind = ${sql.lit(kind)} and tsv @@ q
    order by ${kind === 'contact' ? sql`ts_rank(tsv, q) desc, ref_id` : sql`ref_id desc`} limit ${limit}`;
}

/** Whether PostgreSQL would answer the interaction query by walking the primary key backwards (EXPLAIN, planned for these values, not run). */
async function plannerWalks(db: Kysely<DB>, ownerId: string, tsquery: string, limit: number): Promise<boolean> {
  const { rows } = await sql<Record<string, unknown>>`explain (format json) ${plannedQuery(ownerId, 'interaction', tsquery, limit)}`.execute(db);
  return JSON.stringify(rows[0] ?? {}).includes('"Scan Direction":"Backward"');
}

/**
 * The newest `limit` interaction documents that match, on PostgreSQL. The planner chooses between a
 * GIN bitmap scan of every match plus a sort (fast for a rare word) and walking the primary key
 * backwards until `limit` rows match (fast for a word common among interactions), estimating from the
 * statistics of all documents, contacts included. So a word common among contacts and absent from
 * interactions ("engineer": 9,000 contact documents; "writer": 1,200) would be walked through all
 * 1,030,000 documents: 0.4–4.5 s for one search. When the planner would walk (asked with EXPLAIN, about
 * 0.3 ms), the newest `sample` documents are walked first (1–2 ms): they hold `limit` matches when the
 * word is common (done), or tell how far a walk must go for them; a walk that would need more than `max`
 * documents, or finds too few there, leaves it to the bitmap scan. Same answer in every case: the
 * newest matches overall.
 */
async function newestInteractionDocs(db: Kysely<DB>, ownerId: string, tsquery: string, limit: number): Promise<PgDocRow[]> {
  if (!interactionWalk.always && !(await plannerWalks(db, ownerId, tsquery, limit))) return (await plannedQuery(ownerId, 'interaction', tsquery, limit).execute(db)).rows;
  const { sample, max } = interactionWalk;
  const newest = await walkNewest(db, ownerId, tsquery, sample, limit);
  if (newest.length >= limit) return newest;
  // At the sample's rate of matches, `limit` of them take this many documents.
  if (newest.length > 0 && (limit * sample) / newest.length <= max) {
    const further = await walkNewest(db, ownerId, tsquery, max, limit);
    if (further.length >= limit) return further;
  }
  return allInteractionMatches(db, ownerId, tsquery, limit);
}
