import type { Kysely } from 'kysely';
import type { CalendarFeedTable, DB } from '../../db/schema';

export async function findFeedOfOwner(db: Kysely<DB>, ownerId: string): Promise<CalendarFeedTable | undefined> {
  return db.selectFrom('calendar_feed').selectAll().where('owner_id', '=', ownerId).executeTakeFirst();
}

/** The feed with this token hash and its owner's time zone. */
export async function findFeedByHash(db: Kysely<DB>, tokenHash: string): Promise<(CalendarFeedTable & { timezone: string }) | undefined> {
  return db
    .selectFrom('calendar_feed as f')
    .innerJoin('user as u', 'u.id', 'f.owner_id')
    .selectAll('f')
    .select('u.timezone')
    .where('f.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** One feed per owner: a new one replaces the old (whose URL then answers 404). */
export async function replaceFeed(db: Kysely<DB>, row: CalendarFeedTable): Promise<void> {
  await db.deleteFrom('calendar_feed').where('owner_id', '=', row.owner_id).execute();
  await db.insertInto('calendar_feed').values(row).execute();
}

export async function deleteFeed(db: Kysely<DB>, ownerId: string): Promise<number> {
  const result = await db.deleteFrom('calendar_feed').where('owner_id', '=', ownerId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function touchFeed(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('calendar_feed').set({ last_used_at: at }).where('id', '=', id).execute();
}

export interface FeedFollowUp {
  id: string;
  contact_id: string;
  contact_name: string;
  due_on: string;
  snoozed_until: string | null;
  reason: string;
  updated_at: string;
}

/**
 * Every open follow-up of an owner (the feed shows overdue ones too, on their day), in the order of
 * their reminder day. A follow-up's contact is always its owner's (the service checks it), so the
 * join names the owner too: on SQLite the contact's name then comes from contact_feed_idx (owner,
 * id, archived, name) instead of the wide contact row, and the follow-ups from follow_up_feed_idx,
 * both without reading a table row (migration 0012).
 */
export async function openFollowUps(db: Kysely<DB>, ownerId: string): Promise<FeedFollowUp[]> {
  return db
    .selectFrom('follow_up as f')
    .innerJoin('contact as c', (join) => join.onRef('c.owner_id', '=', 'f.owner_id').onRef('c.id', '=', 'f.contact_id'))
    .select(['f.id', 'f.contact_id', 'c.name as contact_name', 'f.due_on', 'f.snoozed_until', 'f.reason', 'f.updated_at'])
    .where('f.owner_id', '=', ownerId)
    .where('f.done_at', 'is', null)
    .orderBy('f.remind_on')
    .orderBy('f.id')
    .execute();
}

export interface FeedMilestone {
  id: string;
  contact_id: string;
  contact_name: string;
  kind: string;
  title: string;
  on_date: string;
  recurrence: string;
}

/** An owner's milestones of contacts that are not archived: only the columns the feed prints. */
export async function feedMilestones(db: Kysely<DB>, ownerId: string): Promise<FeedMilestone[]> {
  return db
    .selectFrom('milestone as m')
    .innerJoin('contact as c', (join) => join.onRef('c.owner_id', '=', 'm.owner_id').onRef('c.id', '=', 'm.contact_id'))
    .select(['m.id', 'm.contact_id', 'c.name as contact_name', 'm.kind', 'm.title', 'm.on_date', 'm.recurrence'])
    .where('m.owner_id', '=', ownerId)
    .where('c.archived', '=', false)
    .execute();
}

/** An owner's contacts (not archived) with a birthday: one range of contact_birthday_feed_idx on SQLite. */
export async function feedBirthdays(db: Kysely<DB>, ownerId: string): Promise<{ id: string; name: string; birthday: string }[]> {
  const rows = await db
    .selectFrom('contact')
    .select(['id', 'name', 'birthday'])
    .where('owner_id', '=', ownerId)
    .where('archived', '=', false)
    .where('birthday', 'is not', null)
    .execute();
  return rows as { id: string; name: string; birthday: string }[];
}

/** Contacts whose keep-in-touch reminder is snoozed until a day on or after `from`. */
export async function cadenceSnoozes(db: Kysely<DB>, ownerId: string, from: string): Promise<{ id: string; name: string; until: string; updated_at: string }[]> {
  const rows = await db
    .selectFrom('contact')
    .select(['id', 'name', 'cadence_snoozed_until', 'updated_at'])
    .where('owner_id', '=', ownerId)
    .where('archived', '=', false)
    .where('cadence_snoozed_until', '>=', from)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, until: r.cadence_snoozed_until!, updated_at: r.updated_at }));
}
