import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { dialectOf } from '../../db/dialect';
import { nextDueOn } from '../contacts/contacts.derived';
import { aggregatesOf, emptyAggregates, type ContactAggregates } from './aggregates';
import { allContactsForRecompute, bulkSetContacts, contactsForRecomputeAfter, type BulkRow } from './relationships.repository';
import { readSettings, type RelationshipSettingValues } from './settings';

/**
 * Contacts recomputed at a time on SQLite. Reading all 30,000 contacts and their aggregates at once
 * kept them all alive through every young-generation collection, which copied them (a fifth of the
 * recompute's CPU); slices of this many die young. SQLite runs in process, so slicing adds no round
 * trips. Not on PostgreSQL: there slices of 5,000 cost the server more (planning and 60 range starts,
 * 1.5-1.8 -> 2.0-2.3 s CPU under load) than they saved Node.
 */
const SLICE = 1000;

/**
 * Recomputes the strength aggregates, last interaction and next due date of every contact of an
 * owner from the interactions: one grouped pass over the links (on SQLite one per slice of contacts)
 * and one bulk write (run it in a transaction).
 */
export async function recomputeOwner(db: Kysely<DB>, ownerId: string, timezone: string, now: Date): Promise<{ contacts: number; changed: number }> {
  const rows: BulkRow[] = [];
  let contacts = 0;
  if (dialectOf(db) === 'sqlite') {
    const settings = await readSettings(db, ownerId);
    for (let after = ''; ; ) {
      const slice = await contactsForRecomputeAfter(db, ownerId, after, SLICE);
      if (slice.length === 0) break;
      const through = slice.at(-1)!.id;
      changedRows(slice, await aggregatesOf(db, { ownerId, ids: { after, through } }, now), timezone, settings, rows);
      contacts += slice.length;
      after = through;
    }
  } else {
    const [aggregates, settings, all] = await Promise.all([aggregatesOf(db, { ownerId }, now), readSettings(db, ownerId), allContactsForRecompute(db, ownerId)]);
    changedRows(all, aggregates, timezone, settings, rows);
    contacts = all.length;
  }
  await bulkSetContacts(
    db,
    ownerId,
    ['last_interaction_at', 'last_meaningful_at', 'first_interaction_at', 'rel_points', 'rel_them', 'rel_me', 'rel_months', 'next_due_on'],
    rows,
  );
  return { contacts, changed: rows.length };
}

type RecomputeContact = Awaited<ReturnType<typeof allContactsForRecompute>>[number];

/** Adds to `rows` the contacts whose stored values differ (every column compared, as they are stored). */
function changedRows(contacts: RecomputeContact[], aggregates: Map<string, ContactAggregates>, timezone: string, settings: RelationshipSettingValues, rows: BulkRow[]): void {
  const empty = emptyAggregates();
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
}
