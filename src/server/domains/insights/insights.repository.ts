import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** What the strength score of every active contact needs: the stored aggregates, no interactions. */
export async function contactsForStrength(db: Kysely<DB>, ownerId: string) {
  return db
    .selectFrom('contact')
    .select(['id', 'name', 'circle', 'cadence_days', 'last_interaction_at', 'last_meaningful_at', 'first_interaction_at', 'rel_them', 'rel_me', 'rel_months'])
    .where('owner_id', '=', ownerId)
    .where('archived', '=', false)
    .execute();
}
