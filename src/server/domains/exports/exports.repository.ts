import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { ContactRow } from '../contacts/contacts.repository';

/**
 * A page of the owner's contacts (archived ones too) by name, after a keyset position: exports walk
 * the name index page by page instead of holding every contact, or a connection, for the whole export.
 */
export async function contactPage(db: Kysely<DB>, ownerId: string, limit: number, after?: { sortName: string; id: string }): Promise<ContactRow[]> {
  let q = db
    .selectFrom('contact as c')
    .leftJoin('organization as o', 'o.id', 'c.organization_id')
    .selectAll('c')
    .select('o.name as organization_name')
    .where('c.owner_id', '=', ownerId);
  if (after) q = q.where(sql<boolean>`(c.sort_name, c.id) > (${after.sortName}, ${after.id})`);
  return q.orderBy('c.sort_name').orderBy('c.id').limit(limit).execute() as Promise<ContactRow[]>;
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
