import { type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB, EventPersonTable, EventTable } from '../../db/schema';

export type EventRow = EventTable & { met: number; followed_up: number; waiting: number };

export type EventPersonRow = EventPersonTable & {
  contact_name: string;
  headline: string | null;
  fu_id: string | null;
  fu_due_on: string | null;
  fu_reason: string | null;
  fu_done_at: string | null;
};

/** An event with its follow-up progress: people met, followed up (first follow-up done), waiting. */
function withProgress(db: Kysely<DB>) {
  return db
    .selectFrom('event as e')
    .selectAll('e')
    .select((eb) => [
      eb.selectFrom('event_person as p').select((x) => x.fn.countAll<number>().as('n')).whereRef('p.event_id', '=', 'e.id').as('met'),
      eb
        .selectFrom('event_person as p')
        .innerJoin('follow_up as f', 'f.id', 'p.follow_up_id')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('p.event_id', '=', 'e.id')
        .where('f.done_at', 'is not', null)
        .as('followed_up'),
      eb
        .selectFrom('event_person as p')
        .innerJoin('follow_up as f', 'f.id', 'p.follow_up_id')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('p.event_id', '=', 'e.id')
        .where('f.done_at', 'is', null)
        .as('waiting'),
    ]);
}

const numbers = (row: EventTable & { met: unknown; followed_up: unknown; waiting: unknown }): EventRow => ({
  ...row,
  met: Number(row.met ?? 0),
  followed_up: Number(row.followed_up ?? 0),
  waiting: Number(row.waiting ?? 0),
});

export async function findEvent(db: Kysely<DB>, ownerId: string, id: string): Promise<EventRow | undefined> {
  const row = await withProgress(db).where('e.id', '=', id).where('e.owner_id', '=', ownerId).executeTakeFirst();
  return row && numbers(row);
}

export async function eventExists(db: Kysely<DB>, ownerId: string, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('event').select('id').where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst());
}

export async function insertEvent(db: Kysely<DB>, row: EventTable): Promise<void> {
  await db.insertInto('event').values(row).execute();
}

export async function updateEvent(db: Kysely<DB>, ownerId: string, id: string, values: Partial<EventTable>): Promise<void> {
  await db.updateTable('event').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function deleteEvent(db: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('event').where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

/** Most recent first (by start date), paged by (starts_on, id). */
export async function listEvents(db: Kysely<DB>, filter: { ownerId: string; q?: string }, limit: number, after?: { key: string; id: string }): Promise<EventRow[]> {
  let q = withProgress(db).where('e.owner_id', '=', filter.ownerId);
  if (filter.q) q = q.where((eb) => eb(eb.fn('lower', ['e.name']), 'like', `%${filter.q!.toLowerCase()}%`));
  if (after) q = q.where((eb) => eb(eb.refTuple('e.starts_on', 'e.id'), '<', eb.tuple(after.key, after.id)) as Expression<SqlBool>);
  const rows = await q.orderBy('e.starts_on', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
  return rows.map(numbers);
}

export async function listPeople(db: Kysely<DB>, ownerId: string, eventId: string, contactIds?: string[]): Promise<EventPersonRow[]> {
  let q = db
    .selectFrom('event_person as p')
    .innerJoin('contact as c', 'c.id', 'p.contact_id')
    .leftJoin('follow_up as f', 'f.id', 'p.follow_up_id')
    .selectAll('p')
    .select(['c.name as contact_name', 'c.headline', 'f.id as fu_id', 'f.due_on as fu_due_on', 'f.reason as fu_reason', 'f.done_at as fu_done_at'])
    .where('p.event_id', '=', eventId)
    .where('p.owner_id', '=', ownerId);
  if (contactIds) q = q.where('p.contact_id', 'in', contactIds.length ? contactIds : ['']);
  return q.orderBy('p.created_at').orderBy('c.sort_name').execute();
}

/** False when the person was already linked to the event (a concurrent add loses quietly). */
export async function insertPerson(db: Kysely<DB>, row: EventPersonTable): Promise<boolean> {
  const result = await db.insertInto('event_person').values(row).onConflict((oc) => oc.columns(['event_id', 'contact_id']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setPersonFollowUp(db: Kysely<DB>, eventId: string, contactId: string, followUpId: string): Promise<void> {
  await db.updateTable('event_person').set({ follow_up_id: followUpId }).where('event_id', '=', eventId).where('contact_id', '=', contactId).execute();
}

export async function updatePersonContext(db: Kysely<DB>, ownerId: string, eventId: string, contactId: string, context: string): Promise<void> {
  await db.updateTable('event_person').set({ context }).where('event_id', '=', eventId).where('contact_id', '=', contactId).where('owner_id', '=', ownerId).execute();
}

export async function deletePeople(db: Kysely<DB>, ownerId: string, eventId: string, contactIds: string[]): Promise<number> {
  const result = await db.deleteFrom('event_person').where('event_id', '=', eventId).where('owner_id', '=', ownerId).where('contact_id', 'in', contactIds).executeTakeFirst();
  return Number(result.numDeletedRows);
}
