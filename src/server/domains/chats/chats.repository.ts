import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { BookingPageTable, ChatQuestionTable, ChatTable, DB } from '../../db/schema';

export type ChatRow = ChatTable & { contact_name: string; fu_due_on: string | null; fu_done_at: string | null; fu_id: string | null };

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('chat as ch')
    .innerJoin('contact as c', 'c.id', 'ch.contact_id')
    .leftJoin('follow_up as f', 'f.id', 'ch.thank_you_follow_up_id')
    .selectAll('ch')
    .select(['c.name as contact_name', 'f.id as fu_id', 'f.due_on as fu_due_on', 'f.done_at as fu_done_at']);
}

export async function findChat(db: Kysely<DB>, ownerId: string, id: string): Promise<ChatRow | undefined> {
  return baseQuery(db).where('ch.id', '=', id).where('ch.owner_id', '=', ownerId).executeTakeFirst();
}

export async function insertChat(db: Kysely<DB>, row: ChatTable): Promise<void> {
  await db.insertInto('chat').values(row).execute();
}

export async function updateChat(db: Kysely<DB>, ownerId: string, id: string, values: Partial<ChatTable>): Promise<void> {
  await db.updateTable('chat').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function deleteChat(db: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('chat').where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

/** Most recently changed first, paged by (updated_at, id). */
export async function listChats(
  db: Kysely<DB>,
  filter: { ownerId: string; status?: string; contactId?: string },
  limit: number,
  after?: { key: string; id: string },
): Promise<ChatRow[]> {
  let q = baseQuery(db).where('ch.owner_id', '=', filter.ownerId);
  if (filter.status) q = q.where('ch.status', '=', filter.status);
  if (filter.contactId) q = q.where('ch.contact_id', '=', filter.contactId);
  if (after) q = q.where((eb) => eb(eb.refTuple('ch.updated_at', 'ch.id'), '<', eb.tuple(after.key, after.id)) as Expression<SqlBool>);
  return q.orderBy('ch.updated_at', 'desc').orderBy('ch.id', 'desc').limit(limit).execute();
}

/** Chats that hold a time in the calendar (requested or scheduled) starting in [from, to). */
export async function busyChats(db: Kysely<DB>, ownerId: string, from: string, to: string): Promise<{ scheduled_at: string; duration_minutes: number | null }[]> {
  return db
    .selectFrom('chat')
    .select(['scheduled_at', 'duration_minutes'])
    .where('owner_id', '=', ownerId)
    .where('status', 'in', ['requested', 'scheduled'])
    .where('scheduled_at', 'is not', null)
    .where('scheduled_at', '>=', from)
    .where('scheduled_at', '<', to)
    .execute() as Promise<{ scheduled_at: string; duration_minutes: number | null }[]>;
}

export async function listQuestions(db: Kysely<DB>, ownerId: string): Promise<ChatQuestionTable[]> {
  return db.selectFrom('chat_question').selectAll().where('owner_id', '=', ownerId).where('archived', '=', false).orderBy('purpose').orderBy('position').orderBy('id').execute();
}

export async function hasAnyQuestion(db: Kysely<DB>, ownerId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('chat_question').select('id').where('owner_id', '=', ownerId).limit(1).executeTakeFirst());
}

/** Inserts, skipping questions the owner already has (the same text for the same purpose). */
export async function insertQuestions(db: Kysely<DB>, rows: ChatQuestionTable[]): Promise<void> {
  if (rows.length) await db.insertInto('chat_question').values(rows).onConflict((oc) => oc.columns(['owner_id', 'purpose', 'text_key']).doNothing()).execute();
}

export async function findQuestion(db: Kysely<DB>, ownerId: string, id: string): Promise<ChatQuestionTable | undefined> {
  return db.selectFrom('chat_question').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).where('archived', '=', false).executeTakeFirst();
}

export async function findQuestionByKey(db: Kysely<DB>, ownerId: string, purpose: string, key: string): Promise<ChatQuestionTable | undefined> {
  return db.selectFrom('chat_question').selectAll().where('owner_id', '=', ownerId).where('purpose', '=', purpose).where('text_key', '=', key).executeTakeFirst();
}

export async function updateQuestion(db: Kysely<DB>, ownerId: string, id: string, values: Partial<ChatQuestionTable>): Promise<void> {
  await db.updateTable('chat_question').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function nextQuestionPosition(db: Kysely<DB>, ownerId: string, purpose: string): Promise<number> {
  const row = await db
    .selectFrom('chat_question')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('owner_id', '=', ownerId)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function findBookingPage(db: Kysely<DB>, ownerId: string): Promise<BookingPageTable | undefined> {
  return db.selectFrom('booking_page').selectAll().where('owner_id', '=', ownerId).executeTakeFirst();
}

export async function findBookingPageBySlug(db: Kysely<DB>, slug: string): Promise<(BookingPageTable & { owner_name: string; owner_email: string }) | undefined> {
  return db
    .selectFrom('booking_page as b')
    .innerJoin('user as u', 'u.id', 'b.owner_id')
    .selectAll('b')
    .select(['u.name as owner_name', 'u.email as owner_email'])
    .where('b.slug', '=', slug)
    .executeTakeFirst();
}

export async function slugTaken(db: Kysely<DB>, slug: string, exceptOwner: string): Promise<boolean> {
  return Boolean(await db.selectFrom('booking_page').select('owner_id').where('slug', '=', slug).where('owner_id', '!=', exceptOwner).executeTakeFirst());
}

export async function upsertBookingPage(db: Kysely<DB>, row: BookingPageTable): Promise<void> {
  const { owner_id: _owner, created_at: _created, ...changes } = row;
  await db
    .insertInto('booking_page')
    .values(row)
    .onConflict((oc) => oc.column('owner_id').doUpdateSet(changes))
    .execute();
}

/** PostgreSQL: bookings of one owner take turns (SQLite transactions already do). */
export async function lockOwnerBookings(db: Kysely<DB>, ownerId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`booking:${ownerId}`}))`.execute(db);
}
