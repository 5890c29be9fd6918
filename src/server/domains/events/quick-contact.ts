import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/dialect';
import type { ContactTable, DB } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/ids';
import { nextDueOn } from '../contacts/contacts.derived';
import { handlesOf } from '../contacts/contacts.normalize';
import { insertContact, replaceHandles } from '../contacts/contacts.repository';
import { reindexContacts } from '../search/search.index';

/**
 * A contact added in passing (met at an event, booked a chat), inside the caller's transaction so
 * that the person, the link and the follow-up are written together or not at all.
 */
export async function insertQuickContact(
  trx: Kysely<DB>,
  dialect: Dialect,
  actor: Actor,
  input: { name: string; email?: string | null; howWeMet?: string | null },
  now: string,
): Promise<string> {
  const id = newId();
  const emails = input.email ? [input.email] : [];
  const row: ContactTable = {
    id,
    owner_id: actor.userId,
    name: input.name,
    sort_name: input.name.toLowerCase(),
    given_name: null,
    family_name: null,
    pronouns: null,
    headline: null,
    organization_id: null,
    title: null,
    location: null,
    timezone: null,
    emails: JSON.stringify(emails),
    phones: '[]',
    social_profiles: '[]',
    birthday: null,
    how_we_met: input.howWeMet ?? null,
    circle: null,
    cadence_days: null,
    starred: false,
    archived: false,
    last_interaction_at: null,
    next_due_on: null,
    created_at: now,
    updated_at: now,
  };
  row.next_due_on = nextDueOn(row, null, actor.timezone);
  await insertContact(trx, row);
  await replaceHandles(trx, actor.userId, id, handlesOf({ emails, phones: [], socialProfiles: [] }));
  await reindexContacts(trx, dialect, actor.userId, [id]);
  return id;
}

/** The owner's contact with this email (any case), if there is one. */
export async function contactIdByEmail(db: Kysely<DB>, ownerId: string, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('contact_handle')
    .select('contact_id')
    .where('owner_id', '=', ownerId)
    .where('kind', '=', 'email')
    .where('value', '=', email.trim().toLowerCase())
    .orderBy('contact_id')
    .executeTakeFirst();
  return row?.contact_id;
}
