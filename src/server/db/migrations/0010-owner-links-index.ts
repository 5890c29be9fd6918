import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * Recomputing a whole account's relationship aggregates (issue 5, `strength_all`) on PostgreSQL:
 * the owner's links in contact order, from the index alone. Without it the planner either read the
 * timeline index with a heap fetch per link (owner_id is not on it: 1.2 M random row reads on the
 * reference data) or hashed 1.2 M links by contact (spilling to disk at the default work_mem); the
 * same aggregates over one range of this index, grouped as they come, took about half the server CPU.
 * SQLite needs none: it walks the timeline index contact after contact through `contact_id in (...)`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql.raw('create index interaction_contact_owner_timeline_idx on interaction_contact (owner_id, contact_id, occurred_at, kind, initiated_by)').execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql.raw('drop index interaction_contact_owner_timeline_idx').execute(db);
}
