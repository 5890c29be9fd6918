import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB, FollowUpTable } from '../../db/schema';
import { dialectOf } from '../../db/dialect';
import { executePrepared, hiddenValue } from '../../db/prepared';

export type FollowUpRow = FollowUpTable & { contact_name: string };
export type FollowUpStatus = 'open' | 'due' | 'upcoming' | 'done' | 'all';

/** The day a follow-up shows up again: its due date, or the end of its snooze when that is later. */
export const remindOn = (dueOn: string, snoozedUntil: string | null): string => (snoozedUntil && snoozedUntil > dueOn ? snoozedUntil : dueOn);

/** Which column each status list walks, so that every list is one index range. */
export const orderOf = {
  open: { column: 'remind_on', direction: 'asc' },
  due: { column: 'remind_on', direction: 'asc' },
  upcoming: { column: 'remind_on', direction: 'asc' },
  done: { column: 'done_at', direction: 'desc' },
  all: { column: 'due_on', direction: 'asc' },
} as const;

function baseQuery(db: Kysely<DB>) {
  return db.selectFrom('follow_up as f').innerJoin('contact as c', 'c.id', 'f.contact_id').selectAll('f').select('c.name as contact_name');
}

export async function findFollowUp(db: Kysely<DB>, ownerId: string, id: string): Promise<FollowUpRow | undefined> {
  return baseQuery(db).where('f.id', '=', id).where('f.owner_id', '=', ownerId).executeTakeFirst();
}

export async function insertFollowUp(db: Kysely<DB>, row: FollowUpTable): Promise<void> {
  await db.insertInto('follow_up').values(row).execute();
}

export async function updateFollowUp(db: Kysely<DB>, ownerId: string, id: string, values: Partial<FollowUpTable>): Promise<void> {
  await db.updateTable('follow_up').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function deleteFollowUp(db: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('follow_up').where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function listFollowUps(
  db: Kysely<DB>,
  filter: { ownerId: string; status: FollowUpStatus; today: string; contactId?: string },
  limit: number,
  after?: { key: string; id: string },
): Promise<FollowUpRow[]> {
  const { column, direction } = orderOf[filter.status];
  const col = `f.${column}` as const;
  // One index range in the list's own order whatever the values (the page size is a literal): on
  // PostgreSQL planned once per connection instead of on every call, where planning took about as
  // long as running it. The values reach its planner hidden (hiddenValue), or it would plan each call
  // anew: the day and the cursor made a custom plan look cheaper than the generic one.
  const postgres = dialectOf(db) === 'postgres';
  const hide = <T>(value: T, type: 'text' | 'date' | 'timestamptz') => (postgres ? hiddenValue(value, type) : value);
  const keyType = column === 'done_at' ? 'timestamptz' : 'date';
  let q = baseQuery(db).where('f.owner_id', '=', hide(filter.ownerId, 'text'));
  if (filter.status === 'done') q = q.where('f.done_at', 'is not', null);
  else if (filter.status !== 'all') q = q.where('f.done_at', 'is', null);
  if (filter.status === 'due') q = q.where('f.remind_on', '<=', hide(filter.today, 'date'));
  if (filter.status === 'upcoming') q = q.where('f.remind_on', '>', hide(filter.today, 'date'));
  if (filter.contactId) q = q.where('f.contact_id', '=', hide(filter.contactId, 'text'));
  if (after) q = q.where((eb) => eb(eb.refTuple(col, 'f.id'), direction === 'asc' ? '>' : '<', eb.tuple(hide(after.key, keyType), hide(after.id, 'text'))) as Expression<SqlBool>);
  return executePrepared(db, q.orderBy(col, direction).orderBy('f.id', direction).limit(sql.lit(limit)).compile());
}
