import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { AppreciationTable, DB } from '../../db/schema';

export type AppreciationRow = AppreciationTable & { contact_name: string };

export interface LedgerRow {
  contact_id: string;
  contact_name: string;
  kudos_given: number;
  kudos_received: number;
  favors_given: number;
  favors_received: number;
}

function baseQuery(db: Kysely<DB>) {
  return db.selectFrom('appreciation as a').innerJoin('contact as c', 'c.id', 'a.contact_id').selectAll('a').select('c.name as contact_name');
}

export async function findAppreciation(db: Kysely<DB>, ownerId: string, kind: string, id: string): Promise<AppreciationRow | undefined> {
  return baseQuery(db).where('a.id', '=', id).where('a.owner_id', '=', ownerId).where('a.kind', '=', kind).executeTakeFirst();
}

export async function insertAppreciation(db: Kysely<DB>, row: AppreciationTable): Promise<void> {
  await db.insertInto('appreciation').values(row).execute();
}

export async function updateAppreciation(db: Kysely<DB>, ownerId: string, id: string, values: Partial<AppreciationTable>): Promise<void> {
  await db.updateTable('appreciation').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function deleteAppreciation(db: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('appreciation').where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

/** Newest first (by day, then id): one range of appreciation_list_idx. */
export async function listAppreciation(
  db: Kysely<DB>,
  filter: { ownerId: string; kind: string; direction?: string; contactId?: string },
  limit: number,
  after?: { key: string; id: string },
): Promise<AppreciationRow[]> {
  let q = baseQuery(db).where('a.owner_id', '=', filter.ownerId).where('a.kind', '=', filter.kind);
  if (filter.direction) q = q.where('a.direction', '=', filter.direction);
  if (filter.contactId) q = q.where('a.contact_id', '=', filter.contactId);
  if (after) q = q.where((eb) => eb(eb.refTuple('a.occurred_on', 'a.id'), '<', eb.tuple(after.key, after.id)) as Expression<SqlBool>);
  return q.orderBy('a.occurred_on', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
}

/** The last few kudos and favors with one contact, newest first. */
export async function recentWithContact(db: Kysely<DB>, ownerId: string, contactId: string, limit: number): Promise<AppreciationRow[]> {
  return baseQuery(db)
    .where('a.owner_id', '=', ownerId)
    .where('a.contact_id', '=', contactId)
    .orderBy('a.occurred_on', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

const counted = (kind: string, direction: string) =>
  sql<number>`sum(case when a.kind = ${kind} and a.direction = ${direction} then 1 else 0 end)`;

/** Kudos and favors given and received, summed per contact (optionally for one contact). */
export async function ledgerRows(db: Kysely<DB>, ownerId: string, contactId?: string): Promise<LedgerRow[]> {
  let q = db
    .selectFrom('appreciation as a')
    .innerJoin('contact as c', 'c.id', 'a.contact_id')
    .where('a.owner_id', '=', ownerId)
    .select([
      'a.contact_id',
      'c.name as contact_name',
      counted('kudos', 'given').as('kudos_given'),
      counted('kudos', 'received').as('kudos_received'),
      counted('favor', 'given').as('favors_given'),
      counted('favor', 'received').as('favors_received'),
    ])
    .groupBy(['a.contact_id', 'c.name']);
  if (contactId) q = q.where('a.contact_id', '=', contactId);
  const rows = await q.execute();
  // PostgreSQL returns sums as bigint strings.
  return rows.map((r) => ({
    contact_id: r.contact_id,
    contact_name: r.contact_name,
    kudos_given: Number(r.kudos_given),
    kudos_received: Number(r.kudos_received),
    favors_given: Number(r.favors_given),
    favors_received: Number(r.favors_received),
  }));
}

/** How many kudos/favors of each kind and direction fall on the days [from, to] (inclusive). */
export async function countsBetween(db: Kysely<DB>, ownerId: string, from: string, to: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('appreciation')
    .select(['kind', 'direction', (eb) => eb.fn.countAll<number>().as('n')])
    .where('owner_id', '=', ownerId)
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .groupBy(['kind', 'direction'])
    .execute();
  return Object.fromEntries(rows.map((r) => [`${r.kind}_${r.direction}`, Number(r.n)]));
}

/** The days of every kudos given since a day (for weekly goal history). */
export async function kudosGivenDaysSince(db: Kysely<DB>, ownerId: string, from: string): Promise<string[]> {
  const rows = await db
    .selectFrom('appreciation')
    .select('occurred_on')
    .where('owner_id', '=', ownerId)
    .where('kind', '=', 'kudos')
    .where('direction', '=', 'given')
    .where('occurred_on', '>=', from)
    .execute();
  return rows.map((r) => r.occurred_on);
}

export async function findContactName(db: Kysely<DB>, ownerId: string, contactId: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('contact').select(['id', 'name']).where('owner_id', '=', ownerId).where('id', '=', contactId).executeTakeFirst();
}
