import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nextDueOn } from '../contacts/contacts.derived';
import { aggregatesOf, emptyAggregates } from './aggregates';
import { allContactsForRecompute, bulkSetContacts, type BulkRow } from './relationships.repository';
import { readSettings } from './settings';

/**
 * Recomputes the strength aggregates, last interaction and next due date of every contact of an
 * owner from the interactions: two grouped queries and one bulk write (run it in a transaction).
 */
export async function recomputeOwner(db: Kysely<DB>, ownerId: string, timezone: string, now: Date): Promise<{ contacts: number; changed: number }> {
  const [aggregates, settings, contacts] = await Promise.all([aggregatesOf(db, { ownerId }, now), readSettings(db, ownerId), allContactsForRecompute(db, ownerId)]);
  // Only the contacts whose stored values differ are written (every column compared, as they are stored).
  const empty = emptyAggregates();
  const rows: BulkRow[] = [];
  for (const c of contacts) {
    const a = aggregates.get(c.id) ?? empty;
    const due = nextDueOn(c, a.last_meaningful_at, timezone, settings);
    if (
      a.last_interaction_at === c.last_interaction_at &&
      a.last_meaningful_at === c.last_meaningful_at &&
      a.first_interaction_at === c.first_interaction_at &&
      a.rel_points === c.rel_points &&
      a.rel_them === c.rel_them &&
      a.rel_me === c.rel_me &&
      a.rel_months === c.rel_months &&
      due === c.next_due_on
    )
      continue;
    rows.push({ id: c.id, ...a, next_due_on: due });
  }
  await bulkSetContacts(
    db,
    ownerId,
    ['last_interaction_at', 'last_meaningful_at', 'first_interaction_at', 'rel_points', 'rel_them', 'rel_me', 'rel_months', 'next_due_on'],
    rows,
  );
  return { contacts: contacts.length, changed: rows.length };
}
