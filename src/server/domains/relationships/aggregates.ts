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
type Source = 'link' | 'joined';
/** The kind and initiator: copied on the link, or (links written without them) from the interaction. */
const col = (source: Source, name: 'kind' | 'initiated_by') => sql.raw(`${source === 'link' ? 'ic' : 'i'}.${name}`);
const caseOf = (source: Source, field: 'points' | 'depth'): RawBuilder<number> =>
  sql<number>`case ${col(source, 'kind')} ${sql.join(kinds.map((k) => sql`when ${sql.lit(k)} then ${sql.lit(kindProfiles[k][field])}`), sql` `)} else 0 end`;
const meaningfulList = sql.join(meaningfulKinds.map((k) => sql.lit(k)));

/** Timestamps leave the database as ISO strings whatever the driver gave (see database.ts). */
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));
const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * Aggregates of the interactions of some contacts (or of all of an owner's contacts), from the links
 * alone (they carry the interaction's date, kind and initiator): one grouped query over all time, one
 * by month over the last 12 months as of `now`. Links written without a kind (by a writer that does
 * not copy it) are joined to their interaction in the same two queries, so the result is the same.
 * Interactions in months after `now` count from a later write (the score must not grow by itself as
 * time passes).
 */
export async function aggregatesOf(db: Kysely<DB>, scope: { ownerId: string; contactIds?: string[] }, now: Date): Promise<Map<string, ContactAggregates>> {
  if (!scope.contactIds) return ownerAggregates(db, scope.ownerId, now);
  return contactAggregates(db, scope, now);
}

/**
 * A whole account in one pass over its links, grouped by contact in index order (no sort, no hash):
 * the all-time figures in SQL, and each link of the last 12 months handed back as one character that
 * says its month and kind on PostgreSQL (see monthKindCode), as "YYYY-MMkind" on SQLite, bucketed here. Contacts with links written without a
 * kind (see contactAggregates) are then computed again the careful way. On SQLite the links come from
 * the covering timeline index, contact after contact (`contact_id in (...)` walks it in contact order,
 * so GROUP BY needs no temporary B-tree); on PostgreSQL from interaction_contact_owner_timeline_idx
 * (migration 0010), the owner's range of it in contact order, index only.
 */
/** Every kind's points are whole quarters (kinds.ts), so four times them sum exactly as integers. */
const quarterPoints = sql<number>`case ic.kind ${sql.join(kinds.map((k) => sql`when ${sql.lit(k)} then ${sql.lit(Math.round(kindProfiles[k].points * 4))}`), sql` `)} else 0 end`;

/**
 * A link of the window as one character: code point CODE_BASE + month * KIND_STRIDE + kind, month
 * 1..12 in the window, kind the index in `kinds` (kinds.length: a kind this version does not know).
 * All of them are below U+0800, far from the surrogates: 2 bytes of UTF-8, one UTF-16 unit. This
 * replaced a "YYYY-MMkind" text per link (to_char per link on PostgreSQL, 10 MB over the wire and
 * 675,000 strings split in Node on the reference data).
 */
const CODE_BASE = 256;
const KIND_STRIDE = kinds.length + 1;
const kindIndex = sql<number>`case ic.kind ${sql.join(kinds.map((k, i) => sql`when ${sql.lit(k)} then ${sql.lit(i)}`), sql` `)} else ${sql.lit(kinds.length)} end`;

function monthKindCode(months: readonly string[]): RawBuilder<string> {
  // width_bucket over the window's 13 month starts: 1 for the first month ... 12 for the last.
  const bounds = [...months.map((k) => `${k}-01T00:00:00.000Z`), monthAfter(months.at(-1)!)];
  const month = sql<number>`width_bucket(ic.occurred_at, ${sql.lit(`{${bounds.join(',')}}`)}::timestamptz[])`;
  return sql<string>`chr(${sql.lit(CODE_BASE)} + ${month} * ${sql.lit(KIND_STRIDE)} + ${kindIndex})`;
}

const monthAfter = (key: string) => {
  const start = new Date(`${key}-01T00:00:00.000Z`);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)).toISOString();
};

/** Per code (less CODE_BASE): the link's month in the window (0..11), points and depth. */
const codeMonth: number[] = [];
const codePoints: number[] = [];
const codeDepth: number[] = [];
for (let month = 1; month <= 12; month++)
  for (let kind = 0; kind < KIND_STRIDE; kind++) {
    const profile = kindProfiles[kinds[kind]!] as (typeof kindProfiles)[InteractionKind] | undefined;
    codeMonth[month * KIND_STRIDE + kind] = month - 1;
    codePoints[month * KIND_STRIDE + kind] = profile?.points ?? 0;
    codeDepth[month * KIND_STRIDE + kind] = profile?.depth ?? 0;
  }
const bucketPoints = new Float64Array(12);
const bucketDepth = new Int32Array(12);
const bucketCount = new Int32Array(12);

/**
 * The month buckets of a contact from its window's codes, as the JSON that refreshDerived stores
 * (`{ "YYYY-MM": [points, depth, count] }`, months in order), summed in typed arrays reused for every
 * contact.
 */
function bucketsOfCodes(codes: string | null, months: readonly string[]): string {
  if (!codes) return '{}';
  bucketPoints.fill(0);
  bucketDepth.fill(0);
  bucketCount.fill(0);
  for (let i = 0; i < codes.length; i++) {
    const code = codes.charCodeAt(i) - CODE_BASE;
    const month = codeMonth[code]!;
    bucketPoints[month]! += codePoints[code]!;
    if (codeDepth[code]! > bucketDepth[month]!) bucketDepth[month] = codeDepth[code]!;
    bucketCount[month]! += 1;
  }
  return bucketsJson(months);
}

/**
 * The same from SQLite's "YYYY-MMkind,..." list (there the text costs less than computing a code per
 * link; PostgreSQL's to_char per link was the dear part).
 */
function bucketsOfText(list: string | null, months: readonly string[]): string {
  if (!list) return '{}';
  bucketPoints.fill(0);
  bucketDepth.fill(0);
  bucketCount.fill(0);
  for (const entry of list.split(',')) {
    const month = months.indexOf(entry.slice(0, 7));
    if (month < 0) continue;
    const profile = kindProfiles[entry.slice(7) as InteractionKind] as (typeof kindProfiles)[InteractionKind] | undefined;
    if (profile) {
      bucketPoints[month]! += profile.points;
      if (profile.depth > bucketDepth[month]!) bucketDepth[month] = profile.depth;
    }
    bucketCount[month]! += 1;
  }
  return bucketsJson(months);
}

function bucketsJson(months: readonly string[]): string {
  const buckets: MonthBuckets = {};
  // The window is oldest first, so the keys come out in the order the per-contact path sorts them.
  for (let m = 0; m < 12; m++) if (bucketCount[m]! > 0) buckets[months[m]!] = [bucketPoints[m]!, bucketDepth[m]!, bucketCount[m]!];
  return JSON.stringify(buckets);
}

async function ownerAggregates(db: Kysely<DB>, ownerId: string, now: Date): Promise<Map<string, ContactAggregates>> {
  const sqlite = dialectOf(db) === 'sqlite';
  const months = windowMonths(now);
  const from = `${months[0]}-01T00:00:00.000Z`;
  const until = monthAfter(months.at(-1)!);
  const inWindow = sql`ic.occurred_at >= ${from} and ic.occurred_at < ${until}`;
  const windowList = sqlite
    ? sql<string | null>`group_concat(case when ${inWindow} then substr(ic.occurred_at, 1, 7) || ic.kind end)`
    : sql<string | null>`string_agg(case when ${inWindow} then ${monthKindCode(months)} end, '')`;
  const base = sqlite
    ? db.selectFrom('interaction_contact as ic').where('ic.contact_id', 'in', db.selectFrom('contact').select('id').where('owner_id', '=', ownerId))
    : db.selectFrom('interaction_contact as ic').where('ic.owner_id', '=', ownerId);
  const rows = await base
    .select([
      'ic.contact_id',
      (eb) => eb.fn.max('ic.occurred_at').as('last'),
      (eb) => eb.fn.min('ic.occurred_at').as('first'),
      sql<string | null>`max(case when ${col('link', 'kind')} in (${meaningfulList}) then ic.occurred_at end)`.as('last_meaningful'),
      // In quarter points: an integer sum (PostgreSQL sums 0.5 and 0.25 as numeric, several times slower).
      sql<number>`sum(${quarterPoints})`.as('quarters'),
      sql<number>`sum(case when ${col('link', 'initiated_by')} in ('them', 'mutual') then 1 else 0 end)`.as('them'),
      sql<number>`sum(case when ${col('link', 'initiated_by')} in ('me', 'mutual') then 1 else 0 end)`.as('me'),
      sql<number>`sum(case when ic.kind is null then 1 else 0 end)`.as('missing'),
      windowList.as('recent'),
    ])
    .groupBy('ic.contact_id')
    .execute();
  const result = new Map<string, ContactAggregates>();
  const missing: string[] = [];
  for (const r of rows) {
    if (Number(r.missing) > 0) {
      missing.push(r.contact_id);
      continue;
    }
    result.set(r.contact_id, {
      last_interaction_at: iso(r.last),
      first_interaction_at: iso(r.first),
      last_meaningful_at: iso(r.last_meaningful),
      rel_points: Number(r.quarters) / 4,
      rel_them: Number(r.them),
      rel_me: Number(r.me),
      rel_months: sqlite ? bucketsOfText(r.recent, months) : bucketsOfCodes(r.recent, months),
    });
  }
  for (let i = 0; i < missing.length; i += 1000)
    for (const [id, a] of await contactAggregates(db, { ownerId, contactIds: missing.slice(i, i + 1000) }, now)) result.set(id, a);
  return result;
}

async function contactAggregates(db: Kysely<DB>, scope: { ownerId: string; contactIds?: string[] }, now: Date): Promise<Map<string, ContactAggregates>> {
  const result = new Map<string, ContactAggregates>((scope.contactIds ?? []).map((id) => [id, emptyAggregates()]));
  if (scope.contactIds && scope.contactIds.length === 0) return result;
  const sqlite = dialectOf(db) === 'sqlite';
  const byContact = sql<string>`ic.contact_id`;
  // Per contact, one range of the timeline index, which covers date, kind and initiator (migration 0003).
  // A whole account: on SQLite through its contacts the same way (index only, no row reads); PostgreSQL
  // scans the owner's links and aggregates with a hash, which beats 30,000 index probes.
  const links = (source: Source) => {
    const base = scope.contactIds
      ? db.selectFrom('interaction_contact as ic').where('ic.contact_id', 'in', scope.contactIds)
      : sqlite
        ? db.selectFrom('contact as c').innerJoin('interaction_contact as ic', 'ic.contact_id', 'c.id').where('c.owner_id', '=', scope.ownerId)
        : db.selectFrom('interaction_contact as ic').where('ic.owner_id', '=', scope.ownerId);
    return source === 'link' ? base.where('ic.kind', 'is not', null) : base.innerJoin('interaction as i', 'i.id', 'ic.interaction_id').where('ic.kind', 'is', null);
  };

  const months = windowMonths(now);
  const from = `${months[0]}-01T00:00:00.000Z`;
  const lastMonth = new Date(`${months.at(-1)}-01T00:00:00.000Z`);
  const until = new Date(Date.UTC(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth() + 1, 1)).toISOString();
  const month = sqlite ? sql<string>`substr(ic.occurred_at, 1, 7)` : sql<string>`to_char(ic.occurred_at at time zone 'UTC', 'YYYY-MM')`;
  const buckets = new Map<string, MonthBuckets>();

  for (const source of ['link', 'joined'] as const) {
    const totals = await links(source)
      .select([
        'ic.contact_id',
        (eb) => eb.fn.max('ic.occurred_at').as('last'),
        (eb) => eb.fn.min('ic.occurred_at').as('first'),
        sql<string | null>`max(case when ${col(source, 'kind')} in (${meaningfulList}) then ic.occurred_at end)`.as('last_meaningful'),
        sql<number>`sum(${caseOf(source, 'points')})`.as('points'),
        sql<number>`sum(case when ${col(source, 'initiated_by')} in ('them', 'mutual') then 1 else 0 end)`.as('them'),
        sql<number>`sum(case when ${col(source, 'initiated_by')} in ('me', 'mutual') then 1 else 0 end)`.as('me'),
      ])
      .groupBy(byContact)
      .execute();
    for (const t of totals) {
      const a = result.get(t.contact_id) ?? emptyAggregates();
      a.last_interaction_at = later(a.last_interaction_at, iso(t.last));
      a.first_interaction_at = earlier(a.first_interaction_at, iso(t.first));
      a.last_meaningful_at = later(a.last_meaningful_at, iso(t.last_meaningful));
      a.rel_points += Number(t.points);
      a.rel_them += Number(t.them);
      a.rel_me += Number(t.me);
      result.set(t.contact_id, a);
    }
    const rows = await links(source)
      .where('ic.occurred_at', '>=', from)
      .where('ic.occurred_at', '<', until)
      .select(['ic.contact_id', month.as('month'), sql<number>`sum(${caseOf(source, 'points')})`.as('points'), sql<number>`max(${caseOf(source, 'depth')})`.as('depth'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy([byContact, month])
      .execute();
    for (const r of rows) {
      const b = buckets.get(r.contact_id) ?? {};
      const prev = b[r.month];
      b[r.month] = prev ? [prev[0] + Number(r.points), Math.max(prev[1], Number(r.depth)), prev[2] + Number(r.n)] : [Number(r.points), Number(r.depth), Number(r.n)];
      buckets.set(r.contact_id, b);
    }
  }
  for (const [id, b] of buckets) {
    const agg = result.get(id);
    if (agg) agg.rel_months = JSON.stringify(Object.fromEntries(Object.entries(b).sort(([x], [y]) => x.localeCompare(y))));
  }
  return result;
}
