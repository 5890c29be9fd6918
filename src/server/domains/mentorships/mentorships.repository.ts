import { type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB, MentorshipActionTable, MentorshipGoalTable, MentorshipTable } from '../../db/schema';

export type MentorshipRow = MentorshipTable & { contact_name: string; next_due_on: string | null; next_done_at: string | null };
export type ActionRow = MentorshipActionTable & { due_on: string | null; done_at: string | null };

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('mentorship as m')
    .innerJoin('contact as c', 'c.id', 'm.contact_id')
    .leftJoin('follow_up as f', 'f.id', 'm.next_session_follow_up_id')
    .selectAll('m')
    .select(['c.name as contact_name', 'f.due_on as next_due_on', 'f.done_at as next_done_at']);
}

export async function findMentorship(db: Kysely<DB>, ownerId: string, id: string): Promise<MentorshipRow | undefined> {
  return baseQuery(db).where('m.id', '=', id).where('m.owner_id', '=', ownerId).executeTakeFirst();
}

export async function listMentorships(
  db: Kysely<DB>,
  filter: { ownerId: string; status?: string; role?: string },
  limit: number,
  after?: { key: string; id: string },
): Promise<MentorshipRow[]> {
  let q = baseQuery(db).where('m.owner_id', '=', filter.ownerId);
  if (filter.status) q = q.where('m.status', '=', filter.status);
  if (filter.role) q = q.where('m.role', '=', filter.role);
  if (after) q = q.where((eb) => eb(eb.refTuple('m.updated_at', 'm.id'), '<', eb.tuple(after.key, after.id)) as Expression<SqlBool>);
  return q.orderBy('m.updated_at', 'desc').orderBy('m.id', 'desc').limit(limit).execute();
}

export async function insertMentorship(db: Kysely<DB>, row: MentorshipTable): Promise<void> {
  await db.insertInto('mentorship').values(row).execute();
}

export async function updateMentorship(db: Kysely<DB>, ownerId: string, id: string, values: Partial<MentorshipTable>): Promise<void> {
  await db.updateTable('mentorship').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function deleteMentorship(db: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('mentorship').where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function goalsOf(db: Kysely<DB>, ownerId: string, ids: string[]): Promise<MentorshipGoalTable[]> {
  if (!ids.length) return [];
  return db.selectFrom('mentorship_goal').selectAll().where('owner_id', '=', ownerId).where('mentorship_id', 'in', ids).orderBy('created_at').orderBy('id').execute();
}

export async function actionsOf(db: Kysely<DB>, ownerId: string, ids: string[]): Promise<ActionRow[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('mentorship_action as a')
    .leftJoin('follow_up as f', 'f.id', 'a.follow_up_id')
    .selectAll('a')
    .select(['f.due_on', 'f.done_at'])
    .where('a.owner_id', '=', ownerId)
    .where('a.mentorship_id', 'in', ids)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export async function findGoal(db: Kysely<DB>, ownerId: string, id: string): Promise<MentorshipGoalTable | undefined> {
  return db.selectFrom('mentorship_goal').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
}

export async function findAction(db: Kysely<DB>, ownerId: string, id: string): Promise<ActionRow | undefined> {
  return db
    .selectFrom('mentorship_action as a')
    .leftJoin('follow_up as f', 'f.id', 'a.follow_up_id')
    .selectAll('a')
    .select(['f.due_on', 'f.done_at'])
    .where('a.id', '=', id)
    .where('a.owner_id', '=', ownerId)
    .executeTakeFirst();
}

/** Sessions are the contact's interactions of kind mentorship_session, newest first. */
export async function sessionsWith(db: Kysely<DB>, ownerId: string, contactId: string, limit: number) {
  return db
    .selectFrom('interaction_contact as ic')
    .innerJoin('interaction as i', 'i.id', 'ic.interaction_id')
    .select(['i.id', 'i.occurred_at', 'i.summary', 'i.notes', 'i.duration_minutes'])
    .where('ic.contact_id', '=', contactId)
    .where('ic.owner_id', '=', ownerId)
    .where('i.kind', '=', 'mentorship_session')
    .orderBy('ic.occurred_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
}

export async function lastSessions(db: Kysely<DB>, ownerId: string, contactIds: string[]): Promise<Map<string, string>> {
  if (!contactIds.length) return new Map();
  const rows = await db
    .selectFrom('interaction_contact as ic')
    .innerJoin('interaction as i', 'i.id', 'ic.interaction_id')
    .select(['ic.contact_id', (eb) => eb.fn.max('ic.occurred_at').as('last')])
    .where('ic.owner_id', '=', ownerId)
    .where('ic.contact_id', 'in', contactIds)
    .where('i.kind', '=', 'mentorship_session')
    .groupBy('ic.contact_id')
    .execute();
  return new Map(rows.map((r) => [r.contact_id, new Date(r.last as string).toISOString()]));
}
