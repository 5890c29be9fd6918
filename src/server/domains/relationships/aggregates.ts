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
 * Whose aggregates: some contacts of an owner, or all of them, or (`ids`, whole-account path only) the
 * owner's contacts whose id is after `after` and up to `through`, a slice in id order.
 */
export interface AggregateScope {
  ownerId: string;
  contactIds?: string[];
  ids?: { after: string; through: string };
}

/**
 * Aggregates of the interactions of some contacts (or of all of an owner's contacts), from the links
 * alone (they carry the interaction's date, kind and initiator): one grouped query over all time, one
 * by month over the last 12 months as of `now`. Links written without a kind (by a writer that does
 * not copy it) are joined to their interaction in the same two queries, so the result is the same.
 * Interactions in months after `now` count from a later write (the score must not grow by itself as
 * time passes).
 */
export async function aggregatesOf(db: Kysely<DB>, scope: AggregateScope, now: Date): Promise<Map<string, ContactAggregates>> {
  if (!scope.contactIds) return ownerAggregates(db, scope.ownerId, now, scope.ids);
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

/** A known kind's index in `kinds`, found from the list without cutting the entry out (see kindAt). */
const kindsByHead = new Map<number, number[]>();
kinds.forEach((k, i) => {
  const head = k.length * 128 + k.charCodeAt(0);
  kindsByHead.set(head, [...(kindsByHead.get(head) ?? []), i]);
});
const kindPoints = kinds.map((k) => kindProfiles[k].points);
const kindDepth = kinds.map((k) => kindProfiles[k].depth);

/** The index in `kinds` of the text list[start, end), or -1 (a kind this version does not know). */
function kindAt(list: string, start: number, end: number): number {
  const candidates = kindsByHead.get((end - start) * 128 + list.charCodeAt(start));
  if (candidates) for (const i of candidates) if (list.startsWith(kinds[i]!, start)) return i;
  return -1;
}

/**
 * The same from SQLite's "YYYY-MMkind,..." list (there the text costs less than computing a code per
 * link; PostgreSQL's to_char per link was the dear part). Read in place: splitting it made a string
 * per link (675,000 on the reference data) and most of the recompute's garbage.
 */
function bucketsOfText(list: string | null, months: readonly string[]): string {
  if (!list) return '{}';
  bucketPoints.fill(0);
  bucketDepth.fill(0);
  bucketCount.fill(0);
  // The window is 12 consecutive months, so an entry's month number says which one it can be.
  const firstMonth = Number(months[0]!.slice(5, 7));
  for (let start = 0; start < list.length; ) {
    let end = list.indexOf(',', start);
    if (end < 0) end = list.length;
    const at = (((list.charCodeAt(start + 5) - 48) * 10 + (list.charCodeAt(start + 6) - 48) - firstMonth + 12) % 12) | 0;
    // Only an entry that starts with that month's key counts, as months.indexOf(entry.slice(0, 7)) said.
    const month = end - start >= 7 && at >= 0 && list.startsWith(months[at]!, start) ? at : months.indexOf(list.slice(start, start + 7));
    if (month >= 0) {
      const kind = kindAt(list, start + 7, end);
      if (kind >= 0) {
        bucketPoints[month]! += kindPoints[kind]!;
        if (kindDepth[kind]! > bucketDepth[month]!) bucketDepth[month] = kindDepth[kind]!;
      }
      bucketCount[month]! += 1;
    }
    start = end + 1;
  }
  return bucketsJson(months);
}

function bucketsJson(months: readonly string[]): string {
  const buckets: MonthBuckets = {};
  // The window is oldest first, so the keys come out in the order the per-contact path sorts them.
  // (Writing the JSON by hand made ropes that cost more to compare and keep than JSON.stringify's flat text.)
  for (let m = 0; m < 12; m++) if (bucketCount[m]! > 0) buckets[months[m]!] = [bucketPoints[m]!, bucketDepth[m]!, bucketCount[m]!];
  return JSON.stringify(buckets);
}

async function ownerAggregates(db: Kysely<DB>, ownerId: string, now: Date, ids?: AggregateScope['ids']): Promise<Map<string, ContactAggregates>> {
  const sqlite = dialectOf(db) === 'sqlite';
  const months = windowMonths(now);
  const from = `${months[0]}-01T00:00:00.000Z`;
  const until = monthAfter(months.at(-1)!);
  const inWindow = sql`ic.occurred_at >= ${from} and ic.occurred_at < ${until}`;
  const windowList: RawBuilder<string | null> = sqlite
    ? sql<string | null>`group_concat(case when ${inWindow} then substr(ic.occurred_at, 1, 7) || ic.kind end)`
    : sql<string | null>`string_agg(case when ${inWindow} then ${monthKindCode(months)} end, '')`;
  if (sqlite) return sqliteOwnerAggregates(db, ownerId, now, months, windowList, ids);
  let links = db.selectFrom('interaction_contact as ic').where('ic.owner_id', '=', ownerId);
  if (ids) links = links.where('ic.contact_id', '>', ids.after).where('ic.contact_id', '<=', ids.through);
  const rows = await links
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
      rel_months: bucketsOfCodes(r.recent, months),
    });
  }
  return withMissing(db, ownerId, now, result, missing);
}

/**
 * SQLite evaluates every aggregate and CASE once per link (1.2 M on the reference data), so its pass
 * asks for as few as give the same figures: the meaningful kinds as one CASE (an IN list is a lookup
 * per link), the commonest kinds tested first, and two sums that each carry two counts in one
 * integer, high * 2^32 + low (quarter points with the links missing a kind; initiated by them with by
 * me, "mutual" counting for both). Every count is below 2^32 for any contact with fewer than 178
 * million links, and a sum that is no longer an exact double is taken the careful way (withMissing).
 */
const HIGH = 2 ** 32;
const commonFirst = [...new Set<InteractionKind>(['message', 'email', 'video_call', 'call', 'meeting', 'coffee_chat', ...kinds])];
const sqliteLastMeaningful = sql<string | null>`max(case ic.kind ${sql.join(
  commonFirst.filter((k) => kindProfiles[k].meaningful).map((k) => sql`when ${sql.lit(k)} then ic.occurred_at`),
  sql` `,
)} end)`;
const sqliteQuartersMissing = sql<number>`sum(case ic.kind ${sql.join(
  commonFirst.map((k) => sql`when ${sql.lit(k)} then ${sql.lit(Math.round(kindProfiles[k].points * 4) * HIGH)}`),
  sql` `,
)} else case when ic.kind is null then 1 else 0 end end)`;
const sqliteThemMe = sql<number>`sum(case ic.initiated_by when 'them' then ${sql.lit(HIGH)} when 'me' then 1 when 'mutual' then ${sql.lit(HIGH + 1)} else 0 end)`;

async function sqliteOwnerAggregates(
  db: Kysely<DB>,
  ownerId: string,
  now: Date,
  months: readonly string[],
  windowList: RawBuilder<string | null>,
  ids?: AggregateScope['ids'],
): Promise<Map<string, ContactAggregates>> {
  let contacts = db.selectFrom('contact').select('id').where('owner_id', '=', ownerId);
  if (ids) contacts = contacts.where('id', '>', ids.after).where('id', '<=', ids.through);
  const rows = await db
    .selectFrom('interaction_contact as ic')
    .where('ic.contact_id', 'in', contacts)
    .select([
      'ic.contact_id',
      (eb) => eb.fn.max('ic.occurred_at').as('last'),
      (eb) => eb.fn.min('ic.occurred_at').as('first'),
      sqliteLastMeaningful.as('last_meaningful'),
      sqliteQuartersMissing.as('quarters_missing'),
      sqliteThemMe.as('them_me'),
      windowList.as('recent'),
    ])
    .groupBy('ic.contact_id')
    .execute();
  const result = new Map<string, ContactAggregates>();
  const missing: string[] = [];
  for (const r of rows) {
    const qm = Number(r.quarters_missing);
    const tm = Number(r.them_me);
    const quarters = Math.floor(qm / HIGH);
    if (!Number.isSafeInteger(qm) || !Number.isSafeInteger(tm) || qm - quarters * HIGH > 0) {
      missing.push(r.contact_id);
      continue;
    }
    const them = Math.floor(tm / HIGH);
    result.set(r.contact_id, {
      last_interaction_at: iso(r.last),
      first_interaction_at: iso(r.first),
      last_meaningful_at: iso(r.last_meaningful),
      rel_points: quarters / 4,
      rel_them: them,
      rel_me: tm - them * HIGH,
      rel_months: bucketsOfText(r.recent, months),
    });
  }
  return withMissing(db, ownerId, now, result, missing);
}

/** Contacts with links written without a kind (or sums too large to unpack) are computed the careful way. */
async function withMissing(db: Kysely<DB>, ownerId: string, now: Date, result: Map<string, ContactAggregates>, missing: string[]) {
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
