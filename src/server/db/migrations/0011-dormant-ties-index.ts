import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * The Today agenda's dormant ties (issue 5): contacts with at least 12 interaction points that have
 * been silent for half a year. contact_points_idx walked the strong ties strongest first and skipped
 * the ones still in touch: on the reference data 22,139 contacts have 12 points or more and 217 of
 * them are silent, so the walk read most of the index (1.8 ms on SQLite; on PostgreSQL a heap fetch
 * per entry, as a plain index scan does not check the silence on its entries). Nothing else reads
 * that index.
 *
 * contact_dormant_idx holds only the strong ties (partial: `rel_points >= 12`, the agenda's
 * DORMANT_MIN_POINTS, which its query writes as a literal so that both databases can use the index),
 * by silence: the dormant candidates are one range of it, and the few found are sorted by strength.
 * The key is the silence with "never" as the earliest time (`coalesce(last_meaningful_at, '')` on
 * SQLite, `'-infinity'` on PostgreSQL), so that "never" and "before the cut-off" are one range:
 * neither database range-scans `x is null or x < ?` (PostgreSQL could OR two bitmap scans, but did
 * not when its statistics were older than the points, and then fetched every strong tie's row).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const key = dialectOf(db) === 'sqlite' ? `coalesce(last_meaningful_at, '')` : `coalesce(last_meaningful_at, '-infinity'::timestamptz)`;
  await sql.raw('drop index contact_points_idx').execute(db);
  await sql.raw(`create index contact_dormant_idx on contact (owner_id, archived, ${key}) where rel_points >= 12`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop index contact_dormant_idx').execute(db);
  await sql.raw('create index contact_points_idx on contact (owner_id, archived, rel_points, last_meaningful_at)').execute(db);
}
