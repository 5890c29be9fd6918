import { sql, type Kysely } from 'kysely';
import type { DB, WeeklyGoalTable } from '../../db/schema';
import type { FollowUpRow } from '../follow-ups/follow-ups.repository';

export async function listGoals(db: Kysely<DB>, ownerId: string): Promise<WeeklyGoalTable[]> {
  return db.selectFrom('weekly_goal').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute();
}

export async function findGoal(db: Kysely<DB>, ownerId: string, id: string): Promise<WeeklyGoalTable | undefined> {
  return db.selectFrom('weekly_goal').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();
}

export async function findGoalByMetric(db: Kysely<DB>, ownerId: string, metric: string): Promise<WeeklyGoalTable | undefined> {
  return db.selectFrom('weekly_goal').selectAll().where('owner_id', '=', ownerId).where('metric', '=', metric).executeTakeFirst();
}

export async function insertGoal(db: Kysely<DB>, row: WeeklyGoalTable): Promise<void> {
  await db.insertInto('weekly_goal').values(row).execute();
}

export async function updateGoal(db: Kysely<DB>, ownerId: string, id: string, values: Partial<WeeklyGoalTable>): Promise<void> {
  await db.updateTable('weekly_goal').set(values).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export async function deleteGoal(db: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('weekly_goal').where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

/** When each interaction you initiated since an instant happened (reach-outs). */
export async function reachOutTimesSince(db: Kysely<DB>, ownerId: string, from: string): Promise<string[]> {
  const rows = await db
    .selectFrom('interaction')
    .select('occurred_at')
    .where('owner_id', '=', ownerId)
    .where('occurred_at', '>=', from)
    .where('initiated_by', '=', 'me')
    .execute();
  return rows.map((r) => r.occurred_at);
}

/** When each interaction since an instant happened, and its kind (insights). */
export async function interactionsSince(db: Kysely<DB>, ownerId: string, from: string): Promise<{ occurred_at: string; kind: string }[]> {
  return db.selectFrom('interaction').select(['occurred_at', 'kind']).where('owner_id', '=', ownerId).where('occurred_at', '>=', from).execute();
}

/** When each contact added since an instant was created (new connections). */
export async function contactCreationsSince(db: Kysely<DB>, ownerId: string, from: string): Promise<string[]> {
  const rows = await db.selectFrom('contact').select('created_at').where('owner_id', '=', ownerId).where('created_at', '>=', from).execute();
  return rows.map((r) => r.created_at);
}

/** Interactions in [from, to): how many of each kind, and how many you initiated. */
export async function interactionCounts(db: Kysely<DB>, ownerId: string, from: string, to: string): Promise<{ kind: string; n: number; mine: number }[]> {
  const rows = await db
    .selectFrom('interaction')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when initiated_by = 'me' then 1 else 0 end)`.as('mine')])
    .where('owner_id', '=', ownerId)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .groupBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, n: Number(r.n), mine: Number(r.mine) }));
}

export async function contactsCreatedBetween(db: Kysely<DB>, ownerId: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('contact')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function followUpsDoneBetween(db: Kysely<DB>, ownerId: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('follow_up')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('done_at', '>=', from)
    .where('done_at', '<', to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Open follow-ups that come up (due or back from a snooze) on the days [from, to], soonest first. */
export async function openFollowUpsBetween(db: Kysely<DB>, ownerId: string, from: string, to: string, limit: number): Promise<FollowUpRow[]> {
  return db
    .selectFrom('follow_up as f')
    .innerJoin('contact as c', 'c.id', 'f.contact_id')
    .selectAll('f')
    .select('c.name as contact_name')
    .where('f.owner_id', '=', ownerId)
    .where('f.done_at', 'is', null)
    .where('f.remind_on', '>=', from)
    .where('f.remind_on', '<=', to)
    .orderBy('f.remind_on')
    .orderBy('f.id')
    .limit(limit)
    .execute();
}

export async function openFollowUpsBefore(db: Kysely<DB>, ownerId: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('follow_up')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('done_at', 'is', null)
    .where('remind_on', '<', day)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
