import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema';
import { dialectOf } from '../../db/dialect';
import type { InteractionKind } from '../../../contracts/interactions';
import { kindProfiles, meaningfulKinds } from './kinds';
import { windowMonths, type MonthBuckets } from './strength';

/** What refreshDerived stores on a contact from its interactions. */
export interface ContactAggregates {
  last_interaction_at: string | null;
  last_meaningful_at: string | null;
  first_interaction_at: string | null;
  rel_points: number;
  rel_them: number;
  rel_me: number;
  rel_months: string;
}

export const emptyAggregates = (): ContactAggregates => ({
  last_interaction_at: null,
  last_meaningful_at: null,
  first_interaction_at: null,
  rel_points: 0,
  rel_them: 0,
  rel_me: 0,
  rel_months: '{}',
});

const kinds = Object.keys(kindProfiles) as InteractionKind[];
const caseOf = (field: 'points' | 'depth'): RawBuilder<number> =>
  sql<number>`case i.kind ${sql.join(kinds.map((k) => sql`when ${sql.lit(k)} then ${sql.lit(kindProfiles[k][field])}`), sql` `)} else 0 end`;
const meaningfulList = sql.join(meaningfulKinds.map((k) => sql.lit(k)));

/** Timestamps leave the database as ISO strings whatever the driver gave (see database.ts). */
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

/**
 * Aggregates of the interactions of some contacts (or of all of an owner's contacts): two grouped
 * queries, one over all time, one by month over the last 12 months as of `now`. Interactions in
 * months after `now` count from a later write (the score must not grow by itself as time passes).
 */
export async function aggregatesOf(db: Kysely<DB>, scope: { ownerId: string; contactIds?: string[] }, now: Date): Promise<Map<string, ContactAggregates>> {
  const result = new Map<string, ContactAggregates>((scope.contactIds ?? []).map((id) => [id, emptyAggregates()]));
  if (scope.contactIds && scope.contactIds.length === 0) return result;
  const base = () => {
    let q = db.selectFrom('interaction_contact as ic').innerJoin('interaction as i', 'i.id', 'ic.interaction_id');
    q = scope.contactIds ? q.where('ic.contact_id', 'in', scope.contactIds) : q.where('ic.owner_id', '=', scope.ownerId);
    return q;
  };
  const sqlite = dialectOf(db) === 'sqlite';
  // For a whole account, SQLite does best scanning the links table and sorting for the GROUP BY
  // (`+` keeps it from walking the timeline index to avoid the sort, which reads every row at random).
  const byContact = !scope.contactIds && sqlite ? sql<string>`+ic.contact_id` : sql<string>`ic.contact_id`;
  const totals = await base()
    .select([
      'ic.contact_id',
      (eb) => eb.fn.max('ic.occurred_at').as('last'),
      (eb) => eb.fn.min('ic.occurred_at').as('first'),
      sql<string | null>`max(case when i.kind in (${meaningfulList}) then ic.occurred_at end)`.as('last_meaningful'),
      sql<number>`sum(${caseOf('points')})`.as('points'),
      sql<number>`sum(case when i.initiated_by in ('them', 'mutual') then 1 else 0 end)`.as('them'),
      sql<number>`sum(case when i.initiated_by in ('me', 'mutual') then 1 else 0 end)`.as('me'),
    ])
    .groupBy(byContact)
    .execute();
  for (const t of totals)
    result.set(t.contact_id, {
      last_interaction_at: iso(t.last),
      first_interaction_at: iso(t.first),
      last_meaningful_at: iso(t.last_meaningful),
      rel_points: Number(t.points),
      rel_them: Number(t.them),
      rel_me: Number(t.me),
      rel_months: '{}',
    });

  const months = windowMonths(now);
  const from = `${months[0]}-01T00:00:00.000Z`;
  const last = new Date(`${months.at(-1)}-01T00:00:00.000Z`);
  const until = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1)).toISOString();
  const month = sqlite ? sql<string>`substr(i.occurred_at, 1, 7)` : sql<string>`to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM')`;
  // The last 12 months: for a whole account, a range of the owner's interactions by date.
  const recent = scope.contactIds
    ? base().where('ic.occurred_at', '>=', from).where('ic.occurred_at', '<', until)
    : db
        .selectFrom('interaction as i')
        .innerJoin('interaction_contact as ic', 'ic.interaction_id', 'i.id')
        .where('i.owner_id', '=', scope.ownerId)
        .where('i.occurred_at', '>=', from)
        .where('i.occurred_at', '<', until);
  const rows = await recent
    .select(['ic.contact_id', month.as('month'), sql<number>`sum(${caseOf('points')})`.as('points'), sql<number>`max(${caseOf('depth')})`.as('depth'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([byContact, month])
    .execute();
  const buckets = new Map<string, MonthBuckets>();
  for (const r of rows) {
    const b = buckets.get(r.contact_id) ?? {};
    b[r.month] = [Number(r.points), Number(r.depth), Number(r.n)];
    buckets.set(r.contact_id, b);
  }
  for (const [id, b] of buckets) {
    const agg = result.get(id);
    if (agg) agg.rel_months = JSON.stringify(Object.fromEntries(Object.entries(b).sort(([x], [y]) => x.localeCompare(y))));
  }
  return result;
}
