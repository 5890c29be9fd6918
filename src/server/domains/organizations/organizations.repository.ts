import { type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB, OrganizationTable } from '../../db/schema';

export type OrganizationRow = OrganizationTable & { contact_count: number | string | bigint };

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('organization as o')
    .selectAll('o')
    .select((eb) => eb.selectFrom('contact as c').select((e) => e.fn.countAll().as('n')).whereRef('c.organization_id', '=', 'o.id').as('contact_count'));
}

export async function findOrganization(db: Kysely<DB>, ownerId: string, id: string): Promise<OrganizationRow | undefined> {
  return baseQuery(db).where('o.id', '=', id).where('o.owner_id', '=', ownerId).executeTakeFirst() as Promise<OrganizationRow | undefined>;
}

export async function findIdByNameKey(db: Kysely<DB>, ownerId: string, nameKey: string): Promise<string | undefined> {
  return (await db.selectFrom('organization').select('id').where('owner_id', '=', ownerId).where('name_key', '=', nameKey).executeTakeFirst())?.id;
}

export async function insertOrganization(db: Kysely<DB>, row: OrganizationTable): Promise<void> {
  await db.insertInto('organization').values(row).execute();
}

export async function updateOrganization(db: Kysely<DB>, ownerId: string, id: string, values: Partial<OrganizationTable>): Promise<void> {
  await db.updateTable('organization').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function deleteOrganization(db: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('organization').where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function memberIds(db: Kysely<DB>, ownerId: string, id: string): Promise<string[]> {
  const rows = await db.selectFrom('contact').select('id').where('owner_id', '=', ownerId).where('organization_id', '=', id).execute();
  return rows.map((r) => r.id);
}

/** By name; `prefix` narrows to names starting with it (case-insensitive, through the name index). */
export async function listOrganizations(db: Kysely<DB>, ownerId: string, limit: number, prefix?: string, after?: { key: string; id: string }): Promise<OrganizationRow[]> {
  let q = baseQuery(db).where('o.owner_id', '=', ownerId);
  if (prefix) q = q.where('o.name_key', '>=', prefix).where('o.name_key', '<', `${prefix}\uffff`);
  if (after) q = q.where((eb) => eb(eb.refTuple('o.name_key', 'o.id'), '>', eb.tuple(after.key, after.id)) as Expression<SqlBool>);
  return q.orderBy('o.name_key').orderBy('o.id').limit(limit).execute() as Promise<OrganizationRow[]>;
}
