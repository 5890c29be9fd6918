import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** The columns an export writes (not the derived aggregates other features keep on the row). */
const exportColumns = [
  'c.id', 'c.name', 'c.sort_name', 'c.given_name', 'c.family_name', 'c.pronouns', 'c.headline', 'c.title', 'c.location', 'c.timezone',
  'c.emails', 'c.phones', 'c.social_profiles', 'c.birthday', 'c.how_we_met', 'c.circle', 'c.cadence_days', 'c.starred', 'c.archived',
  'c.last_interaction_at', 'c.next_due_on', 'c.created_at', 'c.updated_at',
] as const;

/**
 * A page of the owner's active or archived contacts by name, after a keyset position: exports walk
 * the name index (owner_id, archived, sort_name, id) page by page instead of holding every contact,
 * or a connection, for the whole export. Without `archived` in the filter neither dialect can walk
 * that index in order and each page sorts every contact.
 */
export async function contactPage(db: Kysely<DB>, ownerId: string, archived: boolean, limit: number, after?: { sortName: string; id: string }) {
  let q = db
    .selectFrom('contact as c')
    .leftJoin('organization as o', 'o.id', 'c.organization_id')
    .select(exportColumns)
    .select('o.name as organization_name')
    .where('c.owner_id', '=', ownerId)
    .where('c.archived', '=', archived);
  if (after) q = q.where(sql<boolean>`(c.sort_name, c.id) > (${after.sortName}, ${after.id})`);
  return q.orderBy('c.sort_name').orderBy('c.id').limit(limit).execute();
}

/** Open follow-ups of the owner with the contact's name, by the day they show up. */
export async function openFollowUps(db: Kysely<DB>, ownerId: string) {
  return db
    .selectFrom('follow_up as f')
    .innerJoin('contact as c', 'c.id', 'f.contact_id')
    .select(['f.id', 'f.due_on', 'f.remind_on', 'f.reason', 'f.created_at', 'f.updated_at', 'c.name as contact_name', 'c.id as contact_id'])
    .where('f.owner_id', '=', ownerId)
    .where('f.done_at', 'is', null)
    .orderBy('f.remind_on')
    .orderBy('f.id')
    .execute();
}

export type ExportContactRow = Awaited<ReturnType<typeof contactPage>>[number];

/** Milestones of the owner's active contacts, with the contact's name. */
export async function milestones(db: Kysely<DB>, ownerId: string) {
  return db
    .selectFrom('milestone as m')
    .innerJoin('contact as c', 'c.id', 'm.contact_id')
    .select(['m.id', 'm.kind', 'm.title', 'm.on_date', 'm.recurrence', 'm.remind_days_before', 'm.notes', 'm.created_at', 'm.updated_at', 'c.name as contact_name'])
    .where('m.owner_id', '=', ownerId)
    .where('c.archived', '=', false)
    .orderBy('m.month_day')
    .orderBy('m.id')
    .execute();
}

/** Birthdays of the owner's active contacts (YYYY-MM-DD, or --MM-DD without the year). */
export async function birthdays(db: Kysely<DB>, ownerId: string) {
  return db
    .selectFrom('contact')
    .select(['id', 'name', 'birthday', 'created_at', 'updated_at'])
    .where('owner_id', '=', ownerId)
    .where('archived', '=', false)
    .where('birthday', 'is not', null)
    .orderBy('sort_name')
    .orderBy('id')
    .execute();
}
