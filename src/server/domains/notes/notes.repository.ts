import { type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB, NoteTable } from '../../db/schema';

export type NoteRow = NoteTable;

export async function findNote(db: Kysely<DB>, ownerId: string, id: string): Promise<NoteRow | undefined> {
  return db.selectFrom('note').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
}

export async function insertNote(db: Kysely<DB>, row: NoteRow): Promise<void> {
  await db.insertInto('note').values(row).execute();
}

export async function updateNote(db: Kysely<DB>, ownerId: string, id: string, values: Partial<NoteRow>): Promise<void> {
  await db.updateTable('note').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function deleteNote(db: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('note').where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

/** A contact's notes: pinned first, then newest first (the note_contact_idx order, reversed). */
export async function listNotes(
  db: Kysely<DB>,
  ownerId: string,
  contactId: string,
  limit: number,
  after?: { pinned: boolean; createdAt: string; id: string },
): Promise<NoteRow[]> {
  let q = db.selectFrom('note').selectAll().where('contact_id', '=', contactId).where('owner_id', '=', ownerId);
  if (after)
    q = q.where((eb) => eb(eb.refTuple('pinned', 'created_at', 'id'), '<', eb.tuple(after.pinned, after.createdAt, after.id)) as Expression<SqlBool>);
  return q.orderBy('pinned', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
