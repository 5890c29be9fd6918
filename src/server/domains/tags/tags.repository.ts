import { type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB, TagTable } from '../../db/schema';

export type TagRow = TagTable & { contact_count: number | string | bigint };

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('tag as t')
    .selectAll('t')
    .select((eb) => eb.selectFrom('contact_tag as ct').select((e) => e.fn.countAll().as('n')).whereRef('ct.tag_id', '=', 't.id').as('contact_count'));
}

export async function findTag(db: Kysely<DB>, ownerId: string, id: string): Promise<TagRow | undefined> {
  return baseQuery(db).where('t.id', '=', id).where('t.owner_id', '=', ownerId).executeTakeFirst() as Promise<TagRow | undefined>;
}

export async function findIdByNameKey(db: Kysely<DB>, ownerId: string, nameKey: string): Promise<string | undefined> {
  return (await db.selectFrom('tag').select('id').where('owner_id', '=', ownerId).where('name_key', '=', nameKey).executeTakeFirst())?.id;
}

export async function insertTag(db: Kysely<DB>, row: TagTable): Promise<void> {
  await db.insertInto('tag').values(row).execute();
}

export async function updateTag(db: Kysely<DB>, ownerId: string, id: string, values: Partial<TagTable>): Promise<void> {
  await db.updateTable('tag').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function deleteTag(db: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('tag').where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function taggedContactIds(db: Kysely<DB>, tagId: string): Promise<string[]> {
  return (await db.selectFrom('contact_tag').select('contact_id').where('tag_id', '=', tagId).execute()).map((r) => r.contact_id);
}

export async function addTag(db: Kysely<DB>, ownerId: string, tagId: string, contactIds: string[]): Promise<void> {
  await db
    .insertInto('contact_tag')
    .values(contactIds.map((contactId) => ({ contact_id: contactId, tag_id: tagId, owner_id: ownerId })))
    .onConflict((oc) => oc.columns(['contact_id', 'tag_id']).doNothing())
    .execute();
}

export async function removeTag(db: Kysely<DB>, tagId: string, contactIds: string[]): Promise<void> {
  await db.deleteFrom('contact_tag').where('tag_id', '=', tagId).where('contact_id', 'in', contactIds).execute();
}

export async function listTags(db: Kysely<DB>, ownerId: string, limit: number, after?: { key: string; id: string }): Promise<TagRow[]> {
  let q = baseQuery(db).where('t.owner_id', '=', ownerId);
  if (after) q = q.where((eb) => eb(eb.refTuple('t.name_key', 't.id'), '>', eb.tuple(after.key, after.id)) as Expression<SqlBool>);
  return q.orderBy('t.name_key').orderBy('t.id').limit(limit).execute() as Promise<TagRow[]>;
}
