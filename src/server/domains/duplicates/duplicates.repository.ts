import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../db/dialect';
import type { DB } from '../../db/schema';

/** Pairs of contacts that share an email, phone or profile URL. */
export async function sharedHandles(db: Kysely<DB>, ownerId: string) {
  return db
    .selectFrom('contact_handle as a')
    .innerJoin('contact_handle as b', (j) => j.onRef('b.owner_id', '=', 'a.owner_id').onRef('b.kind', '=', 'a.kind').onRef('b.value', '=', 'a.value').onRef('b.contact_id', '>', 'a.contact_id'))
    .select(['a.kind', 'a.value', 'a.contact_id as a', 'b.contact_id as b'])
    .where('a.owner_id', '=', ownerId)
    .limit(5000)
    .execute();
}

/** Contacts whose names are the same (case-insensitive). */
export async function sameNames(db: Kysely<DB>, ownerId: string) {
  return db
    .selectFrom('contact as a')
    .innerJoin('contact as b', (j) => j.onRef('b.owner_id', '=', 'a.owner_id').onRef('b.sort_name', '=', 'a.sort_name').onRef('b.id', '>', 'a.id'))
    .select(['a.name', 'a.id as a', 'b.id as b'])
    .where('a.owner_id', '=', ownerId)
    .limit(5000)
    .execute();
}

export async function contactsForReview(db: Kysely<DB>, ownerId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contact as c')
    .leftJoin('organization as o', 'o.id', 'c.organization_id')
    .select([
      'c.id', 'c.name', 'c.title', 'c.emails', 'c.phones', 'c.social_profiles', 'c.location', 'c.last_interaction_at', 'c.created_at', 'o.name as organization',
      (eb) => eb.selectFrom('interaction_contact as ic').select((e) => e.fn.countAll().as('n')).whereRef('ic.contact_id', '=', 'c.id').as('interactions'),
      (eb) => eb.selectFrom('note as n').select((e) => e.fn.countAll().as('n')).whereRef('n.contact_id', '=', 'c.id').as('notes'),
    ])
    .where('c.owner_id', '=', ownerId)
    .where('c.id', 'in', ids)
    .execute();
}

/**
 * Every table with a contact_id column, with its primary key columns: what a merge must move.
 * Read from the catalog so that tables added later (milestones, events, kudos…) move too.
 */
export async function contactReferences(db: Kysely<DB>, dialect: Dialect): Promise<{ table: string; pk: string[] }[]> {
  if (dialect === 'sqlite') {
    const rows = await sql<{ table_name: string; column_name: string; pk: number }>`
      select m.name as table_name, p.name as column_name, p.pk as pk
      from sqlite_master m join pragma_table_info(m.name) p
      where m.type = 'table'`.execute(db);
    const tables = new Map<string, { hasContact: boolean; pk: string[] }>();
    for (const r of rows.rows) {
      const t = tables.get(r.table_name) ?? { hasContact: false, pk: [] };
      if (r.column_name === 'contact_id') t.hasContact = true;
      if (r.pk > 0) t.pk.push(r.column_name);
      tables.set(r.table_name, t);
    }
    return [...tables].filter(([, t]) => t.hasContact).map(([table, t]) => ({ table, pk: t.pk }));
  }
  const cols = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = current_schema() and column_name = 'contact_id'`.execute(db);
  const pks = await sql<{ table_name: string; column_name: string }>`
    select tc.table_name, kcu.column_name from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY'`.execute(db);
  return cols.rows.map((c) => ({ table: c.table_name, pk: pks.rows.filter((p) => p.table_name === c.table_name).map((p) => p.column_name) }));
}

/**
 * Moves a table's rows from one contact to another; where the primary key includes the contact,
 * a row the kept contact already has (same other key columns) is dropped instead of duplicated.
 */
export async function moveReferences(db: Kysely<DB>, ref: { table: string; pk: string[] }, fromId: string, toId: string): Promise<void> {
  const others = ref.pk.filter((c) => c !== 'contact_id');
  const t = sql.table(ref.table);
  if (ref.pk.includes('contact_id') && others.length) {
    const same = sql.join(others.map((c) => sql`kept.${sql.ref(c)} = ${t}.${sql.ref(c)}`), sql` and `);
    await sql`delete from ${t} where contact_id = ${fromId} and exists (select 1 from ${t} kept where kept.contact_id = ${toId} and ${same})`.execute(db);
  }
  await sql`update ${t} set contact_id = ${toId} where contact_id = ${fromId}`.execute(db);
}
