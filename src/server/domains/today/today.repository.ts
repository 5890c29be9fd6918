import { sql, type Compilable, type Kysely } from 'kysely';
import { circles } from '../../../contracts/contacts';
import { runCompiled, slot } from '../../db/compiled-once';
import { dialectOf } from '../../db/dialect';
import type { DB } from '../../db/schema';

/**
 * Each section reads only the columns its items are written from: a Today call looks at a few hundred
 * rows, and every column read is a value SQLite copies out and a string the call allocates.
 */
const cadenceColumns = ['c.id', 'c.name', 'c.circle', 'c.cadence_days', 'c.created_at', 'c.next_due_on', 'c.last_meaningful_at'] as const;
const dormantColumns = ['c.id', 'c.name', 'c.circle', 'c.last_meaningful_at', 'c.rel_points'] as const;
const recentColumns = ['c.id', 'c.name', 'c.circle', 'c.created_at', 'c.how_we_met', 'c.last_meaningful_at', 'c.cadence_snoozed_until', 'c.first_interaction_at'] as const;

/**
 * The agenda's statements are built and compiled once per dialect (building a Kysely query, the
 * six-branch UNION ALL above all, was a good part of a call's CPU); each call only fills in its values.
 */
const P = {
  owner: slot('owner'),
  today: slot('today'),
  limit: slot('limit'),
  since: slot('since'),
  silentBefore: slot('silentBefore'),
} as const;
type Values = Partial<Record<keyof typeof P, unknown>>;

const run = <R>(db: Kysely<DB>, name: string, build: () => Compilable<R>, values: Values): Promise<R[]> => runCompiled(db, `today.${name}`, build, values);

/** Open follow-ups due (or back from a snooze) today or earlier, oldest first: one range of follow_up_open_idx. */
export async function dueFollowUps(db: Kysely<DB>, ownerId: string, today: string, limit: number) {
  return run(db, 'dueFollowUps', () => dueFollowUpsQuery(db, P.owner, P.today, P.limit as unknown as number), { owner: ownerId, today, limit });
}

function dueFollowUpsQuery(db: Kysely<DB>, ownerId: string, today: string, limit: number) {
  return db
    .selectFrom('follow_up as f')
    .innerJoin('contact as c', 'c.id', 'f.contact_id')
    .select(['f.id', 'f.contact_id', 'f.due_on', 'f.remind_on', 'f.reason', 'c.name as contact_name', 'c.circle'])
    .where('f.owner_id', '=', ownerId)
    .where('f.done_at', 'is', null)
    .where('f.remind_on', '<=', today)
    .orderBy('f.remind_on')
    .orderBy('f.id')
    .limit(limit);
}

export async function countDueFollowUps(db: Kysely<DB>, ownerId: string, today: string): Promise<number> {
  const [row] = await run(
    db,
    'countDueFollowUps',
    () =>
      db
        .selectFrom('follow_up')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('owner_id', '=', P.owner)
        .where('done_at', 'is', null)
        .where('remind_on', '<=', P.today),
    { owner: ownerId, today },
  );
  return Number(row!.n);
}

/**
 * Contacts due by cadence, the most overdue first within each circle (one range of
 * contact_circle_due_idx per circle, and one for contacts without a circle). The service then ranks
 * across circles by how overdue they are relative to their cadence.
 */
export async function dueByCircle(db: Kysely<DB>, ownerId: string, today: string, perCircle: number) {
  return run(db, 'dueByCircle', () => dueByCircleQuery(db, P.owner, P.today, P.limit as unknown as number), { owner: ownerId, today, limit: perCircle });
}

function dueByCircleQuery(db: Kysely<DB>, ownerId: string, today: string, perCircle: number) {
  // One statement (one round trip on PostgreSQL): a UNION ALL of one index range per circle.
  const sqlite = dialectOf(db) === 'sqlite';
  const [first, ...rest] = [...circles, null].map((circle, k) => {
    let q = db.selectFrom('contact as c').select(cadenceColumns).where('c.owner_id', '=', ownerId).where('c.archived', '=', false);
    q = circle === null ? q.where('c.circle', 'is', null) : q.where('c.circle', '=', circle);
    // On SQLite ties go by the index's own order (rowid): ordering by id as well made it prefer
    // contact_due_idx, which holds the order but reads every due contact's row once per circle.
    const byDue = q.where('c.next_due_on', '<=', today).orderBy('c.next_due_on');
    const ranged = (sqlite ? byDue : byDue.orderBy('c.id')).limit(perCircle);
    return db.selectFrom(ranged.as(`r${k}`)).selectAll();
  });
  return rest.reduce((all, q) => all.unionAll(q), first!);
}

export async function countDueContacts(db: Kysely<DB>, ownerId: string, today: string): Promise<number> {
  const [row] = await run(
    db,
    'countDueContacts',
    () =>
      db
        .selectFrom('contact')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('owner_id', '=', P.owner)
        .where('archived', '=', false)
        .where('next_due_on', '<=', P.today),
    { owner: ownerId, today },
  );
  return Number(row!.n);
}

/** Lifetime interaction points that make a tie "once strong" (about four one-to-one conversations). */
export const DORMANT_MIN_POINTS = 12;

/**
 * Once-strong ties silent since before `silentBefore`, strongest first: one range of
 * contact_dormant_idx (migration 0011), which holds only the contacts with DORMANT_MIN_POINTS or more,
 * by silence. The threshold is in the statement as a literal, like the index's condition (with a bound
 * value neither database would use a partial index).
 */
export async function dormantStrongTies(db: Kysely<DB>, ownerId: string, silentBefore: string, today: string, limit: number) {
  return run(
    db,
    'dormantStrongTies',
    () => dormantStrongTiesQuery(db, P.owner, P.silentBefore, P.today, P.limit as unknown as number),
    { owner: ownerId, silentBefore, today, limit },
  );
}

function dormantStrongTiesQuery(db: Kysely<DB>, ownerId: string, silentBefore: string, today: string, limit: number) {
  // The index's key (migration 0011): the silence with "never" as the earliest time, one range.
  const silent =
    dialectOf(db) === 'sqlite'
      ? sql<boolean>`coalesce(c.last_meaningful_at, '') < ${silentBefore}`
      : sql<boolean>`coalesce(c.last_meaningful_at, '-infinity'::timestamptz) < ${silentBefore}`;
  return db
    .selectFrom('contact as c')
    .select(dormantColumns)
    .where('c.owner_id', '=', ownerId)
    .where('c.archived', '=', false)
    .where('c.rel_points', '>=', sql.lit(DORMANT_MIN_POINTS))
    .where(silent)
    .where((eb) => eb.or([eb('c.cadence_snoozed_until', 'is', null), eb('c.cadence_snoozed_until', '<=', today)]))
    .orderBy('c.rel_points', 'desc')
    .orderBy('c.last_meaningful_at', 'desc')
    .limit(limit);
}

/**
 * Contacts added since `since` whose first interaction (if any) is that recent too, so a contact added
 * today with years of history logged is not "new"; oldest first (the service keeps those without a
 * follow-up yet).
 */
export async function recentlyAdded(db: Kysely<DB>, ownerId: string, since: string, limit: number) {
  return run(db, 'recentlyAdded', () => recentlyAddedQuery(db, P.owner, P.since, P.limit as unknown as number), { owner: ownerId, since, limit });
}

function recentlyAddedQuery(db: Kysely<DB>, ownerId: string, since: string, limit: number) {
  return db
    .selectFrom('contact as c')
    .select(recentColumns)
    .where('c.owner_id', '=', ownerId)
    .where('c.archived', '=', false)
    .where('c.created_at', '>=', since)
    .where((eb) => eb.or([eb('c.first_interaction_at', 'is', null), eb('c.first_interaction_at', '>=', since)]))
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(limit);
}

/** Which of these contacts have an open follow-up (already planned, so not "awaiting" one). */
export async function withOpenFollowUp(db: Kysely<DB>, ownerId: string, contactIds: string[]): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('follow_up')
    .select('contact_id')
    .where('owner_id', '=', ownerId)
    .where('contact_id', 'in', contactIds)
    .where('done_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.contact_id));
}
