import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/dialect';
import type { ContactHandleTable, ContactTable, ContactTagTable, DB, ImportBatchTable, ImportItemTable, ImportKeyTable, InteractionTable } from '../../db/schema';

const chunks = <T>(list: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** Everything matching needs, read once: the owner's handles and (name, organization) keys. */
export async function loadMatchIndex(db: Kysely<DB>, ownerId: string) {
  const handles = await db.selectFrom('contact_handle').select(['kind', 'value', 'contact_id']).where('owner_id', '=', ownerId).execute();
  const contacts = await db
    .selectFrom('contact as c')
    .leftJoin('organization as o', 'o.id', 'c.organization_id')
    .select(['c.id', 'c.sort_name', 'o.name_key as organization_key'])
    .where('c.owner_id', '=', ownerId)
    .orderBy('c.created_at')
    .execute();
  return { handles, contacts };
}

export async function loadImportKeys(db: Kysely<DB>, ownerId: string, prefix: string): Promise<Set<string>> {
  const rows = await db.selectFrom('import_key').select('key').where('owner_id', '=', ownerId).where('key', 'like', `${prefix}%`).execute();
  return new Set(rows.map((r) => r.key));
}

/** Finds or creates organizations by name (case-insensitive); says which it created. */
export async function ensureOrganizations(db: Kysely<DB>, ownerId: string, names: string[], now: string, newId: () => string) {
  const byKey = new Map(names.map((n) => [n.trim().toLowerCase(), n.trim()]));
  const ids = new Map<string, string>();
  const created: string[] = [];
  for (const keys of chunks([...byKey.keys()], 500)) {
    const rows = await db.selectFrom('organization').select(['id', 'name_key']).where('owner_id', '=', ownerId).where('name_key', 'in', keys).execute();
    for (const r of rows) ids.set(r.name_key, r.id);
    const missing = keys.filter((k) => !ids.has(k));
    if (missing.length) {
      const values = missing.map((k) => ({ id: newId(), owner_id: ownerId, name: byKey.get(k)!, name_key: k, domain: null, website: null, notes: null, created_at: now, updated_at: now }));
      for (const part of chunks(values, 200)) await db.insertInto('organization').values(part).execute();
      for (const v of values) {
        ids.set(v.name_key, v.id);
        created.push(v.id);
      }
    }
  }
  return { ids, created };
}

export async function ensureTags(db: Kysely<DB>, ownerId: string, names: string[], now: string, newId: () => string) {
  const byKey = new Map(names.map((n) => [n.trim().toLowerCase(), n.trim()]));
  const ids = new Map<string, string>();
  const created: string[] = [];
  for (const keys of chunks([...byKey.keys()], 500)) {
    const rows = await db.selectFrom('tag').select(['id', 'name_key']).where('owner_id', '=', ownerId).where('name_key', 'in', keys).execute();
    for (const r of rows) ids.set(r.name_key, r.id);
    const missing = keys.filter((k) => !ids.has(k));
    if (missing.length) {
      const values = missing.map((k) => ({ id: newId(), owner_id: ownerId, name: byKey.get(k)!, name_key: k, color: null, created_at: now, updated_at: now }));
      for (const part of chunks(values, 200)) await db.insertInto('tag').values(part).execute();
      for (const v of values) {
        ids.set(v.name_key, v.id);
        created.push(v.id);
      }
    }
  }
  return { ids, created };
}

export async function insertContacts(db: Kysely<DB>, rows: ContactTable[]): Promise<void> {
  // 25 columns a row: 100 rows stay far below SQLite's limit of bound variables.
  for (const part of chunks(rows, 100)) await db.insertInto('contact').values(part).execute();
}

export async function insertHandles(db: Kysely<DB>, rows: ContactHandleTable[]): Promise<void> {
  for (const part of chunks(rows, 500)) await db.insertInto('contact_handle').values(part).onConflict((oc) => oc.doNothing()).execute();
}

export async function insertContactTags(db: Kysely<DB>, rows: ContactTagTable[]): Promise<void> {
  for (const part of chunks(rows, 500)) await db.insertInto('contact_tag').values(part).onConflict((oc) => oc.doNothing()).execute();
}

export async function insertNotes(db: Kysely<DB>, ownerId: string, notes: { contactId: string; body: string }[], now: string, newId: () => string): Promise<string[]> {
  const rows = notes.map((n) => ({ id: newId(), owner_id: ownerId, contact_id: n.contactId, body: n.body, pinned: false, created_at: now, updated_at: now }));
  for (const part of chunks(rows, 200)) await db.insertInto('note').values(part).execute();
  return rows.map((r) => r.id);
}

export interface MergeState {
  row: ContactTable;
  tagIds: Set<string>;
  handles: { kind: string; value: string }[];
  notes: Set<string>;
  newHandles: { kind: string; value: string }[];
  newTagIds: string[];
  newNotes: string[];
}

/** The contacts an import merges into, with their tags, handles and note texts. */
export async function loadMergeState(db: Kysely<DB>, ownerId: string, ids: string[]): Promise<Map<string, MergeState>> {
  const state = new Map<string, MergeState>();
  for (const part of chunks(ids, 500)) {
    // By primary key, owner checked on the rows: with owner_id in the WHERE clause SQLite would walk an
    // (owner_id, …) list index, i.e. every contact of the owner.
    const rows = await db.selectFrom('contact').selectAll().where('id', 'in', part).execute();
    for (const row of rows)
      if (row.owner_id === ownerId) state.set(row.id, { row: row as ContactTable, tagIds: new Set(), handles: [], notes: new Set(), newHandles: [], newTagIds: [], newNotes: [] });
    const tags = await db.selectFrom('contact_tag').select(['contact_id', 'tag_id']).where('contact_id', 'in', part).execute();
    for (const t of tags) state.get(t.contact_id)?.tagIds.add(t.tag_id);
    const handles = await db.selectFrom('contact_handle').select(['contact_id', 'kind', 'value']).where('contact_id', 'in', part).execute();
    for (const h of handles) state.get(h.contact_id)?.handles.push({ kind: h.kind, value: h.value });
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

/** Sets those columns of many of the owner's contacts (ids already checked), 100 a statement (one CASE per column). */
export async function updateContactRows(
  db: Kysely<DB>,
  _ownerId: string,
  rows: { id: string; values: MergedValues; changed?: ReadonlySet<(typeof mergedColumns)[number]> }[],
): Promise<void> {
  // PostgreSQL types a CASE of parameters as text: the timestamp needs its cast.
  const pg = dialectOf(db) === 'postgres';
  for (const part of chunks(rows, 100)) {
    const set: Record<string, unknown> = {};
    for (const column of mergedColumns) {
      // Only the columns some row of the statement changes (when the caller says which): every column
      // set is an index entry rewritten for each of the contact's indexes that holds it.
      // An undo record written before a column was added here has no value for it: that column stays as it is.
      const given = part.filter((r) => r.values[column] !== undefined && (!r.changed || r.changed.has(column)));
      if (given.length === 0) continue;
      const value = (v: unknown) => (column === 'starred' ? (pg ? !!v : v ? 1 : 0) : v);
      const cases = given.map((r) => sql`when ${r.id} then ${value(r.values[column])}`);
      const fallback = given.length < part.length ? sql` else ${sql.ref(column)}` : sql``;
      const expression = sql`case ${sql.ref('id')} ${sql.join(cases, sql` `)}${fallback} end`;
      const cast = pg ? pgCasts[column] : undefined;
      set[column] = cast ? sql`(${expression})::${sql.raw(cast)}` : expression;
    }
    // By primary key only: the callers pass ids they read as the owner's. With owner_id in the WHERE
    // clause SQLite walks the owner's list index for every statement (24 ms instead of 2 for 100 rows).
    await db
      .updateTable('contact')
      .set(set as never)
      .where('id', 'in', part.map((r) => r.id))
      .execute();
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
  for (const part of chunks(rows, 300)) await db.insertInto('import_item').values(part).execute();
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
