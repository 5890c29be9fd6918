import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** The day of each contribution recorded in any of your communities since a day (the weekly goal). */
export async function contributionDaysSince(db: Kysely<DB>, ownerId: string, fromDay: string): Promise<string[]> {
  const rows = await db.selectFrom('community_contribution').select('occurred_on').where('owner_id', '=', ownerId).where('occurred_on', '>=', fromDay).execute();
  return rows.map((r) => r.occurred_on);
}

/** How many contributions you recorded on the days [from, to]. */
export async function contributionsBetween(db: Kysely<DB>, ownerId: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('community_contribution')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
