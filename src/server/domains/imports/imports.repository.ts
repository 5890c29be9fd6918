import { sql, type Kysely } from 'kysely';
import { batchInsert, compileOnce, PLACEHOLDER, sizes } from '../../db/batch-insert';
import { dialectOf } from '../../db/dialect';
import type { ContactHandleTable, ContactTable, ContactTagTable, DB, ImportBatchTable, ImportItemTable, ImportKeyTable, InteractionTable } from '../../db/schema';

const chunks = <T>(list: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** Everything matching needs, read once: the owner's handles and (name, organization) keys. */
export async function loadMatchIndex(db: Kysely<DB>, ownerId: string) {
  // `seq` (SQLite: the rowid, from the same covering index) orders a contact's handles as a read by
  // contact_id returns them; PostgreSQL gives such a read no order, and `seq` is null there.
  const seq = dialectOf(db) === 'sqlite' ? sql<number | null>`rowid` : sql<number | null>`null`;
  const handles = await db.selectFrom('contact_handle').select(['kind', 'value', 'contact_id', seq.as('seq')]).where('owner_id', '=', ownerId).execute();
  // Organization keys from their own (small) table rather than a join looked up for every contact.
  const organizations = await db.selectFrom('organization').select(['id', 'name_key', 'name']).where('owner_id', '=', ownerId).execute();
  const orgKeys = new Map(organizations.map((o) => [o.id, o.name_key]));
  /** Organization names by id, as stored (what a merged contact's search document shows). */
  const organizationNames = new Map(organizations.map((o) => [o.id, o.name]));
  const rows = await db.selectFrom('contact').select(['id', 'sort_name', 'organization_id']).where('owner_id', '=', ownerId).orderBy('created_at').execute();
  const contacts = rows.map((c) => ({ id: c.id, sort_name: c.sort_name, organization_key: c.organization_id ? (orgKeys.get(c.organization_id) ?? null) : null }));
  return { handles, contacts, organizationNames };
}

export async function loadImportKeys(db: Kysely<DB>, ownerId: string, prefix: string): Promise<Set<string>> {
  const rows = await db.selectFrom('import_key').select('key').where('owner_id', '=', ownerId).where('key', 'like', `${prefix}%`).execute();
  return new Set(rows.map((r) => r.key));
}

/** The owner's tag names by id (a few dozen to a few thousand rows). */
export async function loadTagNames(db: Kysely<DB>, ownerId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('tag').select(['id', 'name']).where('owner_id', '=', ownerId).execute();
  return new Map(rows.map((t) => [t.id, t.name]));
}

/** Finds or creates organizations by name (case-insensitive); says which it created and each one's name as stored. */
export async function ensureOrganizations(db: Kysely<DB>, ownerId: string, names: string[], now: string, newId: () => string) {
  const byKey = new Map(names.map((n) => [n.trim().toLowerCase(), n.trim()]));
  const ids = new Map<string, string>();
  const stored = new Map<string, string>();
  const created: string[] = [];
  for (const keys of chunks([...byKey.keys()], 500)) {
    const rows = await db.selectFrom('organization').select(['id', 'name_key', 'name']).where('owner_id', '=', ownerId).where('name_key', 'in', keys).execute();
    for (const r of rows) {
      ids.set(r.name_key, r.id);
      stored.set(r.name_key, r.name);
    }
    const missing = keys.filter((k) => !ids.has(k));
    if (missing.length) {
      const values = missing.map((k) => ({ id: newId(), owner_id: ownerId, name: byKey.get(k)!, name_key: k, domain: null, website: null, notes: null, created_at: now, updated_at: now }));
      for (const part of chunks(values, 200)) await db.insertInto('organization').values(part).execute();
      for (const v of values) {
        ids.set(v.name_key, v.id);
        stored.set(v.name_key, v.name);
        created.push(v.id);
      }
    }
  }
  return { ids, names: stored, created };
}

/** Finds or creates tags by name (case-insensitive); says which it created and each one's name as stored. */
export async function ensureTags(db: Kysely<DB>, ownerId: string, names: string[], now: string, newId: () => string) {
  const byKey = new Map(names.map((n) => [n.trim().toLowerCase(), n.trim()]));
  const ids = new Map<string, string>();
  const stored = new Map<string, string>();
  const created: string[] = [];
  for (const keys of chunks([...byKey.keys()], 500)) {
    const rows = await db.selectFrom('tag').select(['id', 'name_key', 'name']).where('owner_id', '=', ownerId).where('name_key', 'in', keys).execute();
    for (const r of rows) {
      ids.set(r.name_key, r.id);
      stored.set(r.id, r.name);
    }
    const missing = keys.filter((k) => !ids.has(k));
    if (missing.length) {
      const values = missing.map((k) => ({ id: newId(), owner_id: ownerId, name: byKey.get(k)!, name_key: k, color: null, created_at: now, updated_at: now }));
      for (const part of chunks(values, 200)) await db.insertInto('tag').values(part).execute();
      for (const v of values) {
        ids.set(v.name_key, v.id);
        stored.set(v.id, v.name);
        created.push(v.id);
      }
    }
  }
  /** `names`: by tag id. */
  return { ids, names: stored, created };
}

/** The columns an import writes of a new contact (the derived ones keep their defaults). */
const contactColumns = [
  'id', 'owner_id', 'name', 'sort_name', 'given_name', 'family_name', 'pronouns', 'headline', 'organization_id', 'title', 'location', 'timezone',
  'emails', 'phones', 'social_profiles', 'birthday', 'how_we_met', 'circle', 'cadence_days', 'starred', 'archived', 'last_interaction_at',
  'next_due_on', 'created_at', 'updated_at',
] as const satisfies readonly (keyof ContactTable)[];

export async function insertContacts(db: Kysely<DB>, rows: ContactTable[]): Promise<void> {
  // 25 columns a row: 100 rows stay far below SQLite's limit of bound variables.
  await batchInsert(db, 'contact', contactColumns, rows.map((r) => contactColumns.map((c) => r[c])), { chunk: 100 });
}

export async function insertHandles(db: Kysely<DB>, rows: ContactHandleTable[]): Promise<void> {
  await batchInsert(db, 'contact_handle', ['owner_id', 'kind', 'value', 'contact_id'], rows.map((r) => [r.owner_id, r.kind, r.value, r.contact_id]), { chunk: 500, onConflict: 'nothing' });
}

export async function insertContactTags(db: Kysely<DB>, rows: ContactTagTable[]): Promise<void> {
  await batchInsert(db, 'contact_tag', ['contact_id', 'tag_id', 'owner_id'], rows.map((r) => [r.contact_id, r.tag_id, r.owner_id]), { chunk: 500, onConflict: 'nothing' });
}

export async function insertNotes(db: Kysely<DB>, ownerId: string, notes: { contactId: string; body: string }[], now: string, newId: () => string): Promise<string[]> {
  const ids = notes.map(() => newId());
  await batchInsert(
    db,
    'note',
    ['id', 'owner_id', 'contact_id', 'body', 'pinned', 'created_at', 'updated_at'],
    notes.map((n, i) => [ids[i], ownerId, n.contactId, n.body, false, now, now]),
    { chunk: 200 },
  );
  return ids;
}

/**
 * Deletes these handles (an undo removing what an import added). Each row is found by its primary key:
 * the OR of complete keys is one index lookup per row on both dialects.
 */
export async function deleteHandles(db: Kysely<DB>, ownerId: string, rows: { contact_id: string; kind: string; value: string }[]): Promise<void> {
  for (const part of chunks(rows, 200))
    await db
      .deleteFrom('contact_handle')
      .where((eb) => eb.or(part.map((h) => eb.and([eb('owner_id', '=', ownerId), eb('kind', '=', h.kind), eb('value', '=', h.value), eb('contact_id', '=', h.contact_id)]))))
      .execute();
}

/** Deletes these tag links, each by its primary key (see deleteHandles). */
export async function deleteContactTags(db: Kysely<DB>, rows: { contact_id: string; tag_id: string }[]): Promise<void> {
  for (const part of chunks(rows, 200))
    await db
      .deleteFrom('contact_tag')
      .where((eb) => eb.or(part.map((t) => eb.and([eb('contact_id', '=', t.contact_id), eb('tag_id', '=', t.tag_id)]))))
      .execute();
}

export interface MergeState {
  row: MergedValues & Pick<ContactTable, 'id' | 'owner_id'>;
  /** What the contact's search document holds besides the row's values. */
  name: string;
  tagIds: Set<string>;
  handles: { kind: string; value: string }[];
  notes: Set<string>;
  newHandles: { kind: string; value: string }[];
  newTagIds: string[];
  newNotes: string[];
}

/**
 * The contacts an import merges into, with their tags and note texts; their handles come from
 * `handlesOf` (the import holds every handle of the owner already, from its match index and what it
 * wrote since; the list it returns becomes the state's `handles`).
 */
export async function loadMergeState(
  db: Kysely<DB>,
  ownerId: string,
  ids: string[],
  handlesOf: (contactId: string) => { kind: string; value: string }[],
): Promise<Map<string, MergeState>> {
  const state = new Map<string, MergeState>();
  for (const part of chunks(ids, 500)) {
    // By primary key, owner checked on the rows: with owner_id in the WHERE clause SQLite would walk an
    // (owner_id, …) list index, i.e. every contact of the owner.
    // Only what a merge reads and may change (mergedColumns), not the derived columns.
    const rows = await db.selectFrom('contact').select(['id', 'owner_id', ...mergedColumns, 'name']).where('id', 'in', part).execute();
    for (const { name, ...row } of rows)
      if (row.owner_id === ownerId)
        state.set(row.id, {
          row: row as MergeState['row'],
          name,
          tagIds: new Set(),
          handles: handlesOf(row.id),
          notes: new Set(),
          newHandles: [],
          newTagIds: [],
          newNotes: [],
        });
    const tags = await db.selectFrom('contact_tag').select(['contact_id', 'tag_id']).where('contact_id', 'in', part).execute();
    for (const t of tags) state.get(t.contact_id)?.tagIds.add(t.tag_id);
    const notes = await db.selectFrom('note').select(['contact_id', 'body']).where('contact_id', 'in', part).execute();
    for (const n of notes) state.get(n.contact_id)?.notes.add(n.body);
  }
  return state;
}

/** The contact columns an import fills in (and its undo puts back). */
export const mergedColumns = [
  'given_name', 'family_name', 'organization_id', 'title', 'location', 'birthday', 'how_we_met', 'emails', 'phones', 'social_profiles', 'updated_at',
  'pronouns', 'headline', 'timezone', 'circle', 'cadence_days', 'starred', 'next_due_on',
] as const;
export type MergedColumn = (typeof mergedColumns)[number];
export type MergedValues = Pick<ContactTable, MergedColumn>;
/** PostgreSQL types a CASE of parameters as text: these columns need their cast. */
const pgCasts: Partial<Record<(typeof mergedColumns)[number], string>> = { updated_at: 'timestamptz', cadence_days: 'integer', starred: 'boolean', next_due_on: 'date' };

/**
 * Rows an UPDATE sets at a time on SQLite. SQLite tries a CASE's WHEN branches one by one: a row's
 * value takes half the statement's rows in comparisons on average, for every column set. 15,000
 * contacts updated 100 a statement: 120-160 ms CPU; 20 a statement: 80-100 ms (one row a statement
 * costs about as much as 20). PostgreSQL keeps 100 rows a statement (a round trip each).
 */
const SQLITE_UPDATE_ROWS = 20;

/**
 * Sets those columns of many of the owner's contacts (ids already checked; a column missing from a row's values stays as it is). Rows are grouped by the
 * columns they set (when the caller says which changed, only those: every column set is an index entry
 * rewritten for each of the contact's indexes that holds it); each group is written 100 rows a
 * statement on PostgreSQL, SQLITE_UPDATE_ROWS on SQLite, one CASE per column, a statement compiled once per shape.
 */
export async function updateContactRows(
  db: Kysely<DB>,
  _ownerId: string,
  rows: { id: string; values: Partial<MergedValues>; changed?: ReadonlySet<(typeof mergedColumns)[number]> }[],
): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const groups = new Map<string, { columns: MergedColumn[]; rows: typeof rows }>();
  for (const r of rows) {
    // An undo record written before a column was added here has no value for it: that column stays as it is.
    const columns = mergedColumns.filter((c) => r.values[c] !== undefined && (!r.changed || r.changed.has(c)));
    if (columns.length === 0) continue;
    const key = columns.join(',');
    const group = groups.get(key) ?? groups.set(key, { columns, rows: [] }).get(key)!;
    group.rows.push(r);
  }
  const value = (column: MergedColumn, v: unknown) => (column === 'starred' ? (pg ? !!v : v ? 1 : 0) : v);
  for (const { columns, rows: group } of groups.values()) {
    let at = 0;
    for (const size of sizes(group.length, pg ? 100 : SQLITE_UPDATE_ROWS)) {
      const part = group.slice(at, at + size);
      at += size;
      const query = compileOnce(db, `update-contact|${columns.join(',')}|${size}`, size * (2 * columns.length + 1), () => {
        const set: Record<string, unknown> = {};
        const cases = sql.join(Array.from({ length: size }, () => sql`when ${PLACEHOLDER} then ${PLACEHOLDER}`), sql` `);
        for (const column of columns) {
          const expression = sql`case ${sql.ref('id')} ${cases} end`;
          // PostgreSQL types a CASE of parameters as text: some columns need their cast.
          const cast = pg ? pgCasts[column] : undefined;
          set[column] = cast ? sql`(${expression})::${sql.raw(cast)}` : expression;
        }
        // By primary key only: the callers pass ids they read as the owner's. With owner_id in the WHERE
        // clause SQLite walks the owner's list index for every statement (24 ms instead of 2 for 100 rows).
        return db
          .updateTable('contact')
          .set(set as never)
          .where('id', 'in', Array.from({ length: size }, () => PLACEHOLDER));
      });
      const parameters: unknown[] = [];
      for (const column of columns) for (const r of part) parameters.push(r.id, value(column, r.values[column]));
      for (const r of part) parameters.push(r.id);
      await db.executeQuery({ ...query, parameters });
    }
  }
}

export async function insertInteraction(db: Kysely<DB>, row: InteractionTable, contactIds: string[]): Promise<void> {
  await db.insertInto('interaction').values(row).execute();
  await db
    .insertInto('interaction_contact')
    .values(contactIds.map((contact_id) => ({ interaction_id: row.id, contact_id, owner_id: row.owner_id, occurred_at: row.occurred_at })))
    .execute();
}

export async function insertImportKey(db: Kysely<DB>, row: ImportKeyTable): Promise<void> {
  await db.insertInto('import_key').values(row).execute();
}

// ---- the import records

export async function insertBatch(db: Kysely<DB>, row: ImportBatchTable): Promise<void> {
  await db.insertInto('import_batch').values(row).execute();
}

export async function updateBatch(db: Kysely<DB>, ownerId: string, id: string, values: Partial<ImportBatchTable>): Promise<void> {
  await db.updateTable('import_batch').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function findBatch(db: Kysely<DB>, ownerId: string, id: string): Promise<ImportBatchTable | undefined> {
  return db.selectFrom('import_batch').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
}

export async function listBatches(db: Kysely<DB>, ownerId: string, limit: number, after?: { key: string; id: string }): Promise<ImportBatchTable[]> {
  let q = db.selectFrom('import_batch').selectAll().where('owner_id', '=', ownerId).where('status', '<>', 'pending');
  if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after.key), eb.and([eb('created_at', '=', after.key), eb('id', '<', after.id)])]));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function insertItems(db: Kysely<DB>, rows: ImportItemTable[]): Promise<void> {
  await batchInsert(db, 'import_item', ['import_id', 'seq', 'owner_id', 'kind', 'ref_id', 'before'], rows.map((r) => [r.import_id, r.seq, r.owner_id, r.kind, r.ref_id, r.before]), { chunk: 300 });
}

export async function itemsOf(db: Kysely<DB>, importId: string): Promise<ImportItemTable[]> {
  return db.selectFrom('import_item').selectAll().where('import_id', '=', importId).orderBy('seq', 'desc').execute();
}

/** Which of these ids are the owner's, looked up by primary key (never an owner-wide index walk); never empty for `in`. */
export async function ownedIds(db: Kysely<DB>, table: 'contact' | 'interaction', ownerId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [''];
  const rows = await db.selectFrom(table).select(['id', 'owner_id']).where('id', 'in', ids).execute();
  const owned = rows.filter((r) => r.owner_id === ownerId).map((r) => r.id);
  return owned.length ? owned : [''];
}

export { chunks };
