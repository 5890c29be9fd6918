import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nextDueOn } from '../contacts/contacts.derived';
import { aggregatesOf, emptyAggregates } from './aggregates';
import { allContactsForRecompute, bulkSetContacts } from './relationships.repository';
import { readSettings } from './settings';

/**
 * Recomputes the strength aggregates, last interaction and next due date of every contact of an
 * owner from the interactions: two grouped queries and one bulk write (run it in a transaction).
 */
export async function recomputeOwner(db: Kysely<DB>, ownerId: string, timezone: string, now: Date): Promise<{ contacts: number; changed: number }> {
  const [aggregates, settings, contacts] = await Promise.all([aggregatesOf(db, { ownerId }, now), readSettings(db, ownerId), allContactsForRecompute(db, ownerId)]);
  // Only the contacts whose stored values differ are written.
  const rows = contacts
    .map((c) => {
      const a = aggregates.get(c.id) ?? emptyAggregates();
      const values = { ...a, next_due_on: nextDueOn(c, a.last_meaningful_at, timezone, settings) };
      const same = (Object.keys(values) as (keyof typeof values)[]).every((k) => values[k] === (c as Record<string, unknown>)[k]);
      return same ? null : { id: c.id, ...values };
    })
    .filter((r) => r !== null);
  await bulkSetContacts(
    db,
    ownerId,
    ['last_interaction_at', 'last_meaningful_at', 'first_interaction_at', 'rel_points', 'rel_them', 'rel_me', 'rel_months', 'next_due_on'],
    rows,
  );
  return { contacts: contacts.length, changed: rows.length };
}
