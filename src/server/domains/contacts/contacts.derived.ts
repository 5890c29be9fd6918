import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { addDays, dateIn } from '../../platform/clock';
import { lastInteractionOf, setDerived } from './contacts.repository';

/** The keep-in-touch date: cadence days after the last interaction (or after the contact was added). */
export function nextDueOn(c: { cadence_days: number | null; created_at: string }, lastInteractionAt: string | null, timezone: string): string | null {
  if (!c.cadence_days) return null;
  return addDays(dateIn(lastInteractionAt ?? c.created_at, timezone), c.cadence_days);
}

/**
 * Keeps the derived columns that lists sort on (last interaction, next due date) current.
 * Called inside the transaction of every write that can change them.
 */
export async function refreshDerived(db: Kysely<DB>, ownerId: string, contactIds: string[], timezone: string): Promise<void> {
  if (contactIds.length === 0) return;
  const last = await lastInteractionOf(db, contactIds);
  const contacts = await db
    .selectFrom('contact')
    .select(['id', 'cadence_days', 'created_at', 'last_interaction_at', 'next_due_on'])
    .where('owner_id', '=', ownerId)
    .where('id', 'in', contactIds)
    .execute();
  for (const c of contacts) {
    const lastAt = last.get(c.id) ?? null;
    const due = nextDueOn(c, lastAt, timezone);
    if (lastAt !== c.last_interaction_at || due !== c.next_due_on) await setDerived(db, c.id, { last_interaction_at: lastAt, next_due_on: due });
  }
}
