import type { Kysely } from 'kysely';
import type { DB, MessageTemplateTable } from '../../db/schema';

export type TemplateRow = MessageTemplateTable;

export async function findTemplate(db: Kysely<DB>, ownerId: string, id: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('message_template').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
}

export async function listTemplates(db: Kysely<DB>, ownerId: string): Promise<TemplateRow[]> {
  return db.selectFrom('message_template').selectAll().where('owner_id', '=', ownerId).orderBy('purpose').orderBy('created_at').orderBy('id').execute();
}

/** The owner's newest template for a purpose: what "draft" uses unless told otherwise. */
export async function newestForPurpose(db: Kysely<DB>, ownerId: string, purpose: string): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('message_template')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('purpose', '=', purpose)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertTemplate(db: Kysely<DB>, row: TemplateRow): Promise<void> {
  await db.insertInto('message_template').values(row).execute();
}

export async function updateTemplate(db: Kysely<DB>, ownerId: string, id: string, values: Partial<TemplateRow>): Promise<void> {
  await db.updateTable('message_template').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function deleteTemplate(db: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('message_template').where('id', '=', id).where('owner_id', '=', ownerId).execute();
}
