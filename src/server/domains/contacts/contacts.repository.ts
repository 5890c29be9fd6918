import { sql, type Compilable, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { ContactTable, DB } from '../../db/schema';
import { dialectOf } from '../../db/dialect';
import { executePrepared, hiddenValue, prepareOnPostgres } from '../../db/prepared';
import { runCompiled, slot } from '../../db/compiled-once';

export type ContactRow = ContactTable & {
  organization_name: string | null;
  /** The tag names, alphabetical, when the query asked for them (`withTags`): saves a query per page. */
  tag_names?: string[] | string;
};

export type ContactSort = 'name' | 'lastInteraction' | 'nextDue' | 'created';

export interface ContactFilter {
  ownerId: string;
  tagId?: string;
  /**
   * Start from the tag's contacts (a few hundred) and sort them, instead of walking the sort index
   * and testing each contact for the tag: faster for rare tags, slower for common ones.
   */
  tagFirst?: boolean;
  /**
   * Test each contact met on the sort index with a probe of contact_tag (EXISTS) rather than
   * building the tag's whole contact set first (IN): cheaper for common tags, whose matches come
   * early in the walk.
   */
  tagProbe?: boolean;
  organizationId?: string;
  circle?: string;
  starred?: boolean;
  archived: boolean;
  dueOnOrBefore?: string;
  ids?: string[];
  /** Select each contact's tag names with it (`tag_names`). */
  withTags?: boolean;
}

/**
 * How each sort walks the index: a nullable sort column is paged in two phases, first the rows that
 * have a value (in order), then the rows without one (by name), so both dialects use their index.
 */
export const sortPlans = {
  name: { column: 'sort_name', direction: 'asc', nullable: false },
  created: { column: 'created_at', direction: 'desc', nullable: false },
  nextDue: { column: 'next_due_on', direction: 'asc', nullable: true },
  lastInteraction: { column: 'last_interaction_at', direction: 'desc', nullable: true },
} as const;

function baseQuery(db: Kysely<DB>, withTags = false) {
  const q = db
    .selectFrom('contact as c')
    .leftJoin('organization as o', 'o.id', 'c.organization_id')
    .selectAll('c')
    .select('o.name as organization_name');
  return withTags ? q.select(tagNamesColumn(db)) : q;
}

/**
 * A contact's tag names as a JSON array in its own row (a correlated subquery over the contact_tag
 * primary key): one query for a contact or a page instead of two. SQLite returns the array as JSON
 * text, PostgreSQL as parsed JSON; `tagNamesOf` reads either.
 */
function tagNamesColumn(db: Kysely<DB>) {
  const names =
    dialectOf(db) === 'postgres'
      ? sql<string[] | string>`coalesce((select json_agg(t.name order by t.name_key) from contact_tag ct join tag t on t.id = ct.tag_id where ct.contact_id = c.id), '[]'::json)`
      : sql<string[] | string>`(select json_group_array(t.name order by t.name_key) from contact_tag ct join tag t on t.id = ct.tag_id where ct.contact_id = c.id)`;
  return names.as('tag_names');
}

export function tagNamesOf(row: ContactRow): string[] | undefined {
  const names = row.tag_names;
  return names === undefined ? undefined : typeof names === 'string' ? (JSON.parse(names) as string[]) : names;
}

/**
 * findContact's statement compiled once per dialect and tag option: it runs on every GET /contacts/{id}
 * on PostgreSQL, where it is also prepared (a primary-key lookup: the same plan whatever the id).
 */
export async function findContact(db: Kysely<DB>, ownerId: string, id: string, options: { withTags?: boolean } = {}): Promise<ContactRow | undefined> {
  const withTags = options.withTags === true;
  const build = () => baseQuery(db, withTags).where('c.id', '=', slot('id')).where('c.owner_id', '=', slot('owner'));
  const [row] = await runCompiled<ContactRow>(db, `contacts.find.${withTags}`, build as () => Compilable<ContactRow>, { id, owner: ownerId }, { prepare: true });
  return row;
}

export async function findContactsByIds(db: Kysely<DB>, ownerId: string, ids: string[]): Promise<ContactRow[]> {
  if (ids.length === 0) return [];
  return baseQuery(db).where('c.owner_id', '=', ownerId).where('c.id', 'in', ids).execute();
}

/** Ids among `ids` that exist and belong to the owner. */
export async function ownedContactIds(db: Kysely<DB>, ownerId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('contact').select('id').where('owner_id', '=', ownerId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertContact(db: Kysely<DB>, row: ContactTable): Promise<void> {
  await db.insertInto('contact').values(row).execute();
}

export async function updateContact(db: Kysely<DB>, ownerId: string, id: string, values: Partial<ContactTable>): Promise<void> {
  await db.updateTable('contact').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function deleteContact(db: Kysely<DB>, ownerId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('contact').where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Interactions whose only participant is this contact: deleted with it, since they would be orphans. */
export async function interactionsOnlyWith(db: Kysely<DB>, ownerId: string, contactId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('interaction_contact as ic')
    .select('ic.interaction_id')
    .where('ic.contact_id', '=', contactId)
    .where('ic.owner_id', '=', ownerId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('interaction_contact as other')
            .select('other.contact_id')
            .whereRef('other.interaction_id', '=', 'ic.interaction_id')
            .where('other.contact_id', '<>', contactId),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.interaction_id);
}

export async function listContacts(
  db: Kysely<DB>,
  filter: ContactFilter,
  sort: ContactSort,
  limit: number,
  after?: { phase: 'value' | 'null'; key: string | null; id: string },
): Promise<{ rows: ContactRow[]; phase: 'value' | 'null' }[]> {
  const plan = sortPlans[sort];
  const filtered = () => {
    // `c.owner_id || ''` hides the owner column from the planner, which then cannot walk an
    // (owner_id, ...) sort index and looks the tag's contacts up by primary key instead. The service
    // asks for it on SQLite only; PostgreSQL plans the tag filter well by itself.
    let q = filter.tagFirst
      ? baseQuery(db, filter.withTags).where(sql<boolean>`(c.owner_id || '') = ${filter.ownerId}`).where('c.archived', '=', filter.archived)
      : baseQuery(db, filter.withTags).where('c.owner_id', '=', filter.ownerId).where('c.archived', '=', filter.archived);
    if (filter.tagId) {
      const tagId = filter.tagId;
      // IN (uncorrelated), not a correlated EXISTS: SQLite then builds the tag's contact set once
      // (a bloom filter) while walking the sort index, instead of one probe per contact it passes.
      q = filter.tagProbe
        ? q.where(({ exists, selectFrom }) => exists(selectFrom('contact_tag as ct').select('ct.tag_id').whereRef('ct.contact_id', '=', 'c.id').where('ct.tag_id', '=', tagId)))
        : q.where('c.id', 'in', (eb) => eb.selectFrom('contact_tag as ct').select('ct.contact_id').where('ct.tag_id', '=', tagId));
    }
    if (filter.organizationId) q = q.where('c.organization_id', '=', filter.organizationId);
    if (filter.circle) q = q.where('c.circle', '=', filter.circle);
    if (filter.starred !== undefined) q = q.where('c.starred', '=', filter.starred);
    if (filter.dueOnOrBefore) q = q.where('c.next_due_on', '<=', filter.dueOnOrBefore);
    if (filter.ids) q = q.where('c.id', 'in', filter.ids.length ? filter.ids : ['']);
    return q;
  };
  const column = `c.${plan.column}` as const;
  const cmp = plan.direction === 'asc' ? '>' : '<';
  const pages: { rows: ContactRow[]; phase: 'value' | 'null' }[] = [];
  if (dialectOf(db) === 'postgres') return listContactsPostgres(db, filter, sort, limit, after);

  if (!after || after.phase === 'value') {
    let q = filtered();
    if (plan.nullable) q = q.where(column, 'is not', null);
    if (after) q = q.where((eb) => eb(eb.refTuple(column, 'c.id'), cmp, eb.tuple(after.key as string, after.id)) as Expression<SqlBool>);
    const rows = await q.orderBy(column, plan.direction).orderBy('c.id', plan.direction).limit(limit + 1).execute();
    pages.push({ rows, phase: 'value' });
    if (rows.length > limit || !plan.nullable) return pages;
  }
  // Second phase: rows without a value for the sort column, by name.
  let q = filtered().where(column, 'is', null);
  if (after?.phase === 'null') q = q.where((eb) => eb(eb.refTuple('c.sort_name', 'c.id'), '>', eb.tuple(after.key as string, after.id)) as Expression<SqlBool>);
  const remaining = limit - (pages[0]?.rows.length ?? 0);
  const rows = await q.orderBy('c.sort_name').orderBy('c.id').limit(remaining + 1).execute();
  pages.push({ rows, phase: 'null' });
  return pages;
}

/**
 * PostgreSQL picks the page on the indexes alone, then reads the page's rows (a deferred join): the
 * page's ids come from an index-only walk of the sort index (or from the tag's contacts), and only
 * those rows are fetched, with their organization and, in one grouped join, their tag names. Reading
 * each contact met on the walk (the plain query did) cost a heap fetch per contact passed over, and a
 * correlated tag subquery per row rebuilt a hash of the tags 51 times.
 *
 * The tag plan is the caller's (by the tag's size): `tagProbe` walks the sort index and probes
 * contact_tag per contact (common tags: matches come early); `tagFirst` starts from the tag's
 * contacts and sorts them. The latter is a LATERAL subquery kept apart by `offset 0`: left to
 * itself, the planner joined mid-sized tags (300–700 contacts) to a sequential scan of every contact.
 */
async function listContactsPostgres(
  db: Kysely<DB>,
  filter: ContactFilter,
  sort: ContactSort,
  limit: number,
  after?: { phase: 'value' | 'null'; key: string | null; id: string },
): Promise<{ rows: ContactRow[]; phase: 'value' | 'null' }[]> {
  const plan = sortPlans[sort];
  const pages: { rows: ContactRow[]; phase: 'value' | 'null' }[] = [];
  if (!after || after.phase === 'value') {
    const rows = await pagePostgres(db, filter, plan.column, plan.direction, plan.nullable ? 'value' : 'all', after, limit + 1);
    pages.push({ rows, phase: 'value' });
    if (rows.length > limit || !plan.nullable) return pages;
  }
  const remaining = limit - (pages[0]?.rows.length ?? 0);
  const rows = await pagePostgres(db, filter, plan.column, plan.direction, 'null', after?.phase === 'null' ? after : undefined, remaining + 1);
  pages.push({ rows, phase: 'null' });
  return pages;
}

type SortColumn = (typeof sortPlans)[ContactSort]['column'];

async function pagePostgres(
  db: Kysely<DB>,
  filter: ContactFilter,
  sortColumn: SortColumn,
  sortDirection: 'asc' | 'desc',
  phase: 'value' | 'null' | 'all',
  after: { key: string | null; id: string } | undefined,
  limit: number,
): Promise<ContactRow[]> {
  // The null phase lists the contacts without a value for the sort column by name.
  const column = phase === 'null' ? 'sort_name' : sortColumn;
  const direction = phase === 'null' ? 'asc' : sortDirection;
  const cmp = direction === 'asc' ? '>' : '<';
  // The owner, the archive flag and the tag reach the planner as `(select $n)`, values it cannot see:
  // its plan is then the same whatever they are, and the statement is planned once per connection
  // (prepareOnPostgres) instead of on every call. The shape (which index is walked, where the tag is
  // tested) is fixed by the SQL itself, and the page size is a literal for the same reason.
  const conditions = <Q extends SelectQueryBuilder<DB & { c: ContactTable }, 'c' | any, any>>(q: Q): Q => {
    let r = q.where('c.owner_id', '=', hiddenValue(filter.ownerId, 'text')).where('c.archived', '=', hiddenValue(filter.archived, 'boolean'));
    if (filter.organizationId) r = r.where('c.organization_id', '=', filter.organizationId);
    if (filter.circle) r = r.where('c.circle', '=', filter.circle);
    if (filter.starred !== undefined) r = r.where('c.starred', '=', filter.starred);
    if (filter.dueOnOrBefore) r = r.where('c.next_due_on', '<=', filter.dueOnOrBefore);
    if (filter.ids) r = r.where('c.id', 'in', filter.ids.length ? filter.ids : ['']);
    if (phase === 'value') r = r.where(`c.${sortColumn}`, 'is not', null);
    if (phase === 'null') r = r.where(`c.${sortColumn}`, 'is', null);
    if (after) r = r.where((eb) => eb(eb.refTuple(`c.${column}`, 'c.id'), cmp, eb.tuple(after.key as string, after.id)) as Expression<SqlBool>);
    return r as Q;
  };
  const tagId = filter.tagId;
  const ids =
    tagId && filter.tagFirst
      ? db
          .selectFrom('contact_tag as ct')
          .innerJoinLateral(
            (eb) => conditions(eb.selectFrom('contact as c').select(['c.id', sql.ref(`c.${column}`).as('sort_key')]).whereRef('c.id', '=', 'ct.contact_id')).modifyEnd(sql`offset 0`).as('c'),
            (join) => join.onTrue(),
          )
          .select(['c.id', 'c.sort_key'])
          .where('ct.tag_id', '=', hiddenValue(tagId, 'text'))
          .orderBy('c.sort_key', direction)
          .orderBy('c.id', direction)
          .limit(sql.lit(limit))
      : (() => {
          let q = conditions(db.selectFrom('contact as c').select(['c.id', sql.ref(`c.${column}`).as('sort_key')]));
          // The probe is a scalar subquery, not EXISTS, so that it stays a test per contact met on the
          // walk: planned without the tag's size, EXISTS became a hash join over every contact.
          if (tagId)
            q = filter.tagProbe
              ? q.where(sql<boolean>`coalesce((select true from contact_tag ct where ct.contact_id = c.id and ct.tag_id = ${tagId}), false)`)
              : q.where('c.id', 'in', (eb) => eb.selectFrom('contact_tag as ct').select('ct.contact_id').where('ct.tag_id', '=', tagId));
          return q.orderBy(`c.${column}`, direction).orderBy('c.id', direction).limit(sql.lit(limit));
        })();
  const order = sql.raw(direction);
  const tagNames = filter.withTags ? sql`, coalesce(tg.names, '[]'::json) as tag_names` : sql``;
  const tagJoin = filter.withTags
    ? sql`left join (select ct.contact_id, json_agg(t.name order by t.name_key) as names from contact_tag ct join tag t on t.id = ct.tag_id where ct.contact_id in (select id from p) group by ct.contact_id) tg on tg.contact_id = c.id`
    : sql``;
  const compiled = sql<ContactRow>`with p as (${ids}) select c.*, o.name as organization_name${tagNames} from p join contact c on c.id = p.id left join organization o on o.id = c.organization_id ${tagJoin} order by p.sort_key ${order}, p.id ${order}`.compile(db);
  // A list of ids (search results) makes a new text every time: not worth preparing.
  if (!filter.ids) prepareOnPostgres(compiled.sql);
  const { rows } = await db.executeQuery(compiled);
  return rows;
}

export async function tagsByContact(db: Kysely<DB>, contactIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (contactIds.length === 0) return map;
  const rows = await db
    .selectFrom('contact_tag as ct')
    .innerJoin('tag as t', 't.id', 'ct.tag_id')
    .select(['ct.contact_id', 't.name'])
    .where('ct.contact_id', 'in', contactIds)
    .orderBy('t.name_key')
    .execute();
  for (const row of rows) {
    const list = map.get(row.contact_id) ?? [];
    list.push(row.name);
    map.set(row.contact_id, list);
  }
  return map;
}

/**
 * A tag by name (case-insensitive) with how many contacts carry it, counted on the covering tag index
 * (up to `countUpTo` when given: the size only chooses a plan, and PostgreSQL need not count the biggest
 * tags to the end; SQLite's own count loop is cheaper than a limited subquery).
 */
export async function findTagWithSize(db: Kysely<DB>, ownerId: string, name: string, countUpTo?: number): Promise<{ id: string; size: number } | undefined> {
  const compiled = db
    .selectFrom('tag as t')
    .select([
      't.id',
      (eb) =>
        countUpTo === undefined
          ? eb.selectFrom('contact_tag as ct').select((e) => e.fn.countAll().as('n')).whereRef('ct.tag_id', '=', 't.id').as('size')
          : eb
              .selectFrom((inner) => inner.selectFrom('contact_tag as ct').select('ct.contact_id').whereRef('ct.tag_id', '=', 't.id').limit(sql.lit(countUpTo)).as('tagged'))
              .select((e) => e.fn.countAll().as('n'))
              .as('size'),
    ])
    .where('t.owner_id', '=', ownerId)
    .where('t.name_key', '=', name.trim().toLowerCase())
    .compile();
  // One row by a unique index whatever the values: planned once per connection on PostgreSQL.
  const [row] = await executePrepared(db, compiled);
  return row && { id: row.id, size: Number(row.size) };
}

export async function findTagIdByName(db: Kysely<DB>, ownerId: string, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('tag').select('id').where('owner_id', '=', ownerId).where('name_key', '=', name.trim().toLowerCase()).executeTakeFirst();
  return row?.id;
}

/** Finds or creates the named tags (case-insensitive) and returns their ids. */
export async function ensureTags(db: Kysely<DB>, ownerId: string, names: string[], now: string, newId: () => string): Promise<string[]> {
  const byKey = new Map(names.map((n) => [n.trim().toLowerCase(), n.trim()]));
  if (byKey.size === 0) return [];
  await db
    .insertInto('tag')
    .values([...byKey].map(([key, name]) => ({ id: newId(), owner_id: ownerId, name, name_key: key, color: null, created_at: now, updated_at: now })))
    .onConflict((oc) => oc.columns(['owner_id', 'name_key']).doNothing())
    .execute();
  const rows = await db.selectFrom('tag').select('id').where('owner_id', '=', ownerId).where('name_key', 'in', [...byKey.keys()]).execute();
  return rows.map((r) => r.id);
}

export async function replaceContactTags(db: Kysely<DB>, ownerId: string, contactId: string, tagIds: string[]): Promise<void> {
  await db.deleteFrom('contact_tag').where('contact_id', '=', contactId).execute();
  if (tagIds.length)
    await db.insertInto('contact_tag').values(tagIds.map((tagId) => ({ contact_id: contactId, tag_id: tagId, owner_id: ownerId }))).execute();
}

/** Finds or creates an organization by name (case-insensitive) and returns its id. */
export async function ensureOrganization(db: Kysely<DB>, ownerId: string, name: string, now: string, newId: () => string): Promise<string> {
  const key = name.trim().toLowerCase();
  await db
    .insertInto('organization')
    .values({ id: newId(), owner_id: ownerId, name: name.trim(), name_key: key, domain: null, website: null, notes: null, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['owner_id', 'name_key']).doNothing())
    .execute();
  const row = await db.selectFrom('organization').select('id').where('owner_id', '=', ownerId).where('name_key', '=', key).executeTakeFirstOrThrow();
  return row.id;
}

export async function organizationExists(db: Kysely<DB>, ownerId: string, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('organization').select('id').where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst());
}

export async function replaceHandles(db: Kysely<DB>, ownerId: string, contactId: string, handles: { kind: string; value: string }[]): Promise<void> {
  await db.deleteFrom('contact_handle').where('contact_id', '=', contactId).execute();
  const unique = [...new Map(handles.map((h) => [`${h.kind}:${h.value}`, h])).values()];
  if (unique.length)
    await db.insertInto('contact_handle').values(unique.map((h) => ({ owner_id: ownerId, contact_id: contactId, ...h }))).execute();
}

/** Recomputes the derived "last interaction" of contacts from their interactions. */
export async function lastInteractionOf(db: Kysely<DB>, contactIds: string[]): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>(contactIds.map((id) => [id, null]));
  if (contactIds.length === 0) return result;
  const rows = await db
    .selectFrom('interaction_contact')
    .select(['contact_id', (eb) => eb.fn.max('occurred_at').as('last')])
    .where('contact_id', 'in', contactIds)
    .groupBy('contact_id')
    .execute();
  for (const row of rows) result.set(row.contact_id, row.last as string | null);
  return result;
}

export async function setDerived(db: Kysely<DB>, id: string, values: Partial<ContactTable>): Promise<void> {
  await db.updateTable('contact').set(values).where('id', '=', id).execute();
}

