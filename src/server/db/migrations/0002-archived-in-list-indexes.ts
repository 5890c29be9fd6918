import { sql, type Kysely } from 'kysely';

/**
 * Every contact list filters on `archived`, so the list indexes carry it right after the owner:
 * the archive (2 % of contacts) is then a range of the index instead of a filter over all of it.
 */
const indexes = [
  ['contact_name_idx', 'sort_name'],
  ['contact_due_idx', 'next_due_on'],
  ['contact_last_idx', 'last_interaction_at'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, column] of indexes) {
    await sql.raw(`drop index ${name}`).execute(db);
    await sql.raw(`create index ${name} on contact (owner_id, archived, ${column}, id)`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, column] of indexes) {
    await sql.raw(`drop index ${name}`).execute(db);
    await sql.raw(`create index ${name} on contact (owner_id, ${column}, id)`).execute(db);
  }
}
