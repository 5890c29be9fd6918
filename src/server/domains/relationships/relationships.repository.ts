import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/dialect';
import type { ContactTable, DB } from '../../db/schema';

/** Columns the relationship engine writes in bulk, with their PostgreSQL types (for VALUES lists). */
const columnTypes = {
  last_interaction_at: 'timestamptz',
  last_meaningful_at: 'timestamptz',
  first_interaction_at: 'timestamptz',
  rel_points: 'float8',
  rel_them: 'int4',
  rel_me: 'int4',
  rel_months: 'text',
  next_due_on: 'date',
} as const;
export type BulkColumn = keyof typeof columnTypes;
export type BulkRow = { id: string } & Partial<Pick<ContactTable, BulkColumn>>;

/**
 * Writes derived columns of many contacts: one prepared statement per row on SQLite (in-process, fast
 * inside a transaction), one UPDATE ... FROM (VALUES ...) per thousand rows on PostgreSQL.
 */
export async function bulkSetContacts(db: Kysely<DB>, ownerId: string, columns: BulkColumn[], rows: BulkRow[]): Promise<void> {
  if (rows.length === 0 || columns.length === 0) return;
  if (dialectOf(db) === 'sqlite') {
    for (const row of rows) {
      const values = Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
      await db.updateTable('contact').set(values).where('id', '=', row.id).execute();
    }
    return;
  }
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const values = sql.join(chunk.map((row) => sql`(${sql.join([sql`${row.id}::text`, ...columns.map((c) => sql`${row[c] ?? null}::${sql.raw(columnTypes[c])}`)])})`));
    const sets = sql.join(columns.map((c) => sql`${sql.ref(c)} = v.${sql.ref(c)}`));
    await sql`update contact set ${sets} from (values ${values}) as v(id, ${sql.join(columns.map((c) => sql.ref(c)))}) where contact.id = v.id and contact.owner_id = ${ownerId}`.execute(db);
  }
}

export type CadenceRow = Pick<ContactTable, 'id' | 'cadence_days' | 'circle' | 'created_at' | 'next_due_on'> & {
  last_meaningful_at?: string | null;
  cadence_snoozed_until?: string | null;
};

/** Contacts whose next due date follows a circle's cadence (no cadence of their own). */
export async function contactsFollowingCircles(db: Kysely<DB>, ownerId: string, circles: string[]): Promise<CadenceRow[]> {
  if (circles.length === 0) return [];
  return db
    .selectFrom('contact')
    .select(['id', 'cadence_days', 'circle', 'created_at', 'next_due_on', 'last_meaningful_at', 'cadence_snoozed_until'])
    .where('owner_id', '=', ownerId)
    .where('circle', 'in', circles)
    .where('cadence_days', 'is', null)
    .execute();
}

const recomputeColumns = ['id', 'cadence_days', 'circle', 'created_at', 'next_due_on', 'cadence_snoozed_until', 'last_interaction_at', 'last_meaningful_at', 'first_interaction_at', 'rel_points', 'rel_them', 'rel_me', 'rel_months'] as const;

/** Every contact of an owner with what the next due date and the change check need. */
export async function allContactsForRecompute(db: Kysely<DB>, ownerId: string) {
  return db.selectFrom('contact').select(recomputeColumns).where('owner_id', '=', ownerId).execute();
}

/** The same for the next `limit` contacts of an owner in id order after `afterId` ('' for the first). */
export async function contactsForRecomputeAfter(db: Kysely<DB>, ownerId: string, afterId: string, limit: number) {
  return db.selectFrom('contact').select(recomputeColumns).where('owner_id', '=', ownerId).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}
