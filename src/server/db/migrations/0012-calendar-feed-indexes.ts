import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * Covering indexes for the calendar feed (issue 5), which reads every open follow-up with its contact's
 * name, every milestone with its contact's name, every birthday and the snoozed cadences of an account
 * (docs/performance.md, "Calendar feed"). On SQLite a contact row is wide, and reading it to find a
 * name cost more than the rest of each query: these answer the feed's queries from index entries.
 *  - follow_up_feed_idx: the open follow-ups in reminder order with every column the feed prints
 *    (`done_at` is listed so that SQLite knows the index covers the query's `done_at is null`);
 *  - contact_feed_idx: a contact's name and archived flag by (owner, id), for the joins;
 *  - contact_birthday_feed_idx: the owner's birthdays with the contact's name;
 *  - contact_snooze_idx: the few snoozed cadences (the query scanned every contact for none).
 * PostgreSQL hash-joins these sets and is within the target; it gets none of them.
 */
const indexes = [
  `create index follow_up_feed_idx on follow_up (owner_id, remind_on, id, contact_id, due_on, snoozed_until, reason, updated_at, done_at) where done_at is null`,
  `create index contact_feed_idx on contact (owner_id, id, archived, name)`,
  `create index contact_birthday_feed_idx on contact (owner_id, archived, birthday, id, name) where birthday is not null`,
  `create index contact_snooze_idx on contact (owner_id, archived, cadence_snoozed_until) where cadence_snoozed_until is not null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  for (const statement of indexes) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  for (const name of ['follow_up_feed_idx', 'contact_feed_idx', 'contact_birthday_feed_idx', 'contact_snooze_idx']) await sql.raw(`drop index ${name}`).execute(db);
}
