import { sql, type Expression, type ExpressionBuilder, type Kysely } from 'kysely';
import { runCompiled, slot } from '../../db/compiled-once';
import { DateTime } from 'luxon';
import type { DB, MilestoneTable } from '../../db/schema';
import { addDays } from '../../platform/clock';

export type MilestoneRow = MilestoneTable & { contact_name: string };

/** One occurrence of a milestone (or of a contact's birthday) on a calendar date. */
export interface MilestoneOccurrence {
  /** The milestone's id, or `birthday:<contactId>` for a birthday taken from the contact. */
  id: string;
  milestoneId: string | null;
  contactId: string;
  contactName: string;
  kind: string;
  title: string;
  /** The date of this occurrence (YYYY-MM-DD). */
  date: string;
  /** As stored: YYYY-MM-DD, or --MM-DD when the year is unknown. */
  onDate: string;
  recurrence: 'yearly' | 'once';
  /** Years since the first occurrence (age, years at a company), when the year is known. */
  years: number | null;
  remindDaysBefore: number;
  /** Occurrences on or before this date were already handled. */
  dismissedThrough: string | null;
}

/** MM-DD of a stored date (YYYY-MM-DD or --MM-DD). */
export const monthDayOf = (onDate: string): string => onDate.slice(-5);

/** The SQL expression of a contact's birthday month-day: the same text as the index contact_birthday_idx. */
const birthdayMonthDay = sql<string>`substr(c.birthday, length(c.birthday) - 4)`;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The date of a month-day in a year; 29 February is celebrated on the 28th in other years. */
export function dateInYear(monthDay: string, year: number): string {
  const md = monthDay === '02-29' && !isLeap(year) ? '02-28' : monthDay;
  return `${String(year).padStart(4, '0')}-${md}`;
}

/** Every occurrence of a stored date between from and to (inclusive, YYYY-MM-DD). */
export function occurrencesBetween(onDate: string, recurrence: string, from: string, to: string): { date: string; years: number | null }[] {
  const knownYear = onDate.startsWith('--') ? null : Number(onDate.slice(0, 4));
  if (recurrence !== 'yearly') return onDate >= from && onDate <= to && knownYear !== null ? [{ date: onDate, years: 0 }] : [];
  const out: { date: string; years: number | null }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const date = dateInYear(monthDayOf(onDate), year);
    if (date < from || date > to) continue;
    if (knownYear !== null && year < knownYear) continue;
    out.push({ date, years: knownYear === null ? null : year - knownYear });
  }
  return out;
}

/**
 * Month-day ranges covering [from, to] (one range, two across New Year, none = everything), widened
 * by a day at the end so that 29 February is found in the years it is celebrated on the 28th.
 */
function monthDayRanges(from: string, to: string): [string, string][] | null {
  // Plain date arithmetic for YYYY-MM-DD (what every caller passes); luxon was most of a Today call's
  // own CPU here. addDays checks its input and falls back to luxon itself.
  const end = isCalendarDate(from) && isCalendarDate(to) ? addDays(to, 1) : null;
  if (end === null || !isCalendarDate(end)) return monthDayRangesLuxon(from, to);
  if ((Date.parse(end) - Date.parse(from)) / 86_400_000 >= 365) return null;
  const a = from.slice(5);
  const b = end.slice(5);
  return a <= b ? [[a, b]] : [[a, '12-31'], ['01-01', b]];
}

/** A valid calendar date as YYYY-MM-DD (Date.parse reads it as UTC midnight and gives it back). */
function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const ms = Date.parse(date);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(date);
}

function monthDayRangesLuxon(from: string, to: string): [string, string][] | null {
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  const end = DateTime.fromISO(to, { zone: 'UTC' }).plus({ days: 1 });
  if (end.diff(start, 'days').days >= 365) return null;
  const a = start.toFormat('MM-dd');
  const b = end.toFormat('MM-dd');
  return a <= b ? [[a, b]] : [[a, '12-31'], ['01-01', b]];
}

/** Month-day ranges as conditions on `column`, their bounds in the slots `${prefix}${i}a` and `${prefix}${i}b`. */
function monthDayIn(eb: ExpressionBuilder<any, any>, column: Expression<string> | string, prefix: string, ranges: [string, string][]) {
  return eb.or(ranges.map((_, i) => eb.and([eb(column as any, '>=', slot(`${prefix}${i}a`)), eb(column as any, '<=', slot(`${prefix}${i}b`))])));
}

function milestonesQuery(db: Kysely<DB>, ranges: [string, string][] | null, soon: [string, string][] | null) {
  let q = db
    .selectFrom('milestone as m')
    .innerJoin('contact as c', 'c.id', 'm.contact_id')
    .selectAll('m')
    .select('c.name as contact_name')
    .where('m.owner_id', '=', slot('owner'))
    .where('c.archived', '=', false);
  if (ranges) q = q.where((eb) => monthDayIn(eb, 'm.month_day', 'm', ranges));
  if (soon) q = q.where((eb) => eb.or([eb('m.remind_days_before', '>', slot('soonDays') as unknown as number), monthDayIn(eb, 'm.month_day', 's', soon)]));
  return q;
}

function birthdaysQuery(db: Kysely<DB>, ranges: [string, string][] | null) {
  let q = db
    .selectFrom('contact as c')
    .select(['c.id', 'c.name', 'c.birthday', 'c.birthday_dismissed_through'])
    .where('c.owner_id', '=', slot('owner'))
    .where('c.birthday', 'is not', null)
    .where('c.archived', '=', false);
  if (ranges) q = q.where((eb) => monthDayIn(eb, birthdayMonthDay, 'b', ranges));
  return q;
}

/**
 * An owner's milestones and contacts' birthdays with their occurrences between from and to
 * (YYYY-MM-DD, inclusive), soonest first. Archived contacts are left out. This is what the Today
 * agenda and the calendar feed read. `birthdaysTo` looks less far ahead for birthdays (the agenda
 * looks 60 days ahead for milestones that remind early, but a week for birthdays); `soonTo` keeps
 * the milestones after that date only when they remind more days ahead than it is away.
 */
export async function listMilestoneOccurrences(
  db: Kysely<DB>,
  ownerId: string,
  from: string,
  to: string,
  options: { birthdaysTo?: string; soonTo?: string } = {},
): Promise<MilestoneOccurrence[]> {
  const ranges = monthDayRanges(from, to);
  const birthdaysTo = options.birthdaysTo ?? to;
  const birthdayRanges = monthDayRanges(from, birthdaysTo);
  // Beyond `soonTo`, only the milestones that remind further ahead than that (the agenda's 60 days
  // would otherwise read every milestone of the next two months to show those of the next week).
  const soon = options.soonTo ? monthDayRanges(from, options.soonTo) : null;
  const soonDays = soon && options.soonTo ? Math.round((Date.parse(options.soonTo) - Date.parse(from)) / 86_400_000) : null;

  // Both statements are compiled once per shape (how many month-day ranges each has): the Today agenda
  // reads them on every call. The values go into the slots by name.
  const values: Record<string, unknown> = { owner: ownerId, soonDays };
  const fill = (prefix: string, list: [string, string][] | null) => list?.forEach(([a, b], i) => ((values[`${prefix}${i}a`] = a), (values[`${prefix}${i}b`] = b)));
  fill('m', ranges);
  fill('s', soon);
  fill('b', birthdayRanges);
  const shape = (list: [string, string][] | null) => (list ? String(list.length) : 'all');
  const milestoneShape = `${shape(ranges)}.${soon ? soon.length : 'none'}`;
  const [milestoneRows, birthdayRows] = await Promise.all([
    runCompiled(db, `milestones.occurrences.${milestoneShape}`, () => milestonesQuery(db, ranges, soon), values),
    runCompiled(db, `milestones.birthdays.${shape(birthdayRanges)}`, () => birthdaysQuery(db, birthdayRanges), values),
  ]);
  const out: MilestoneOccurrence[] = [];
  for (const m of milestoneRows)
    for (const o of occurrencesBetween(m.on_date, m.recurrence, from, to))
      out.push({
        id: m.id,
        milestoneId: m.id,
        contactId: m.contact_id,
        contactName: m.contact_name,
        kind: m.kind,
        title: m.title,
        date: o.date,
        onDate: m.on_date,
        recurrence: m.recurrence as 'yearly' | 'once',
        years: o.years,
        remindDaysBefore: m.remind_days_before,
        dismissedThrough: m.dismissed_through,
      });
  for (const c of birthdayRows)
    for (const o of occurrencesBetween(c.birthday!, 'yearly', from, birthdaysTo))
      out.push({
        id: `birthday:${c.id}`,
        milestoneId: null,
        contactId: c.id,
        contactName: c.name,
        kind: 'birthday',
        title: `${c.name}’s birthday`,
        date: o.date,
        onDate: c.birthday!,
        recurrence: 'yearly',
        years: o.years,
        remindDaysBefore: 0,
        dismissedThrough: c.birthday_dismissed_through ?? null,
      });
  return out.sort((x, y) => x.date.localeCompare(y.date) || x.contactName.localeCompare(y.contactName) || x.id.localeCompare(y.id));
}

function baseQuery(db: Kysely<DB>) {
  return db.selectFrom('milestone as m').innerJoin('contact as c', 'c.id', 'm.contact_id').selectAll('m').select('c.name as contact_name');
}

export async function findMilestone(db: Kysely<DB>, ownerId: string, id: string): Promise<MilestoneRow | undefined> {
  return baseQuery(db).where('m.id', '=', id).where('m.owner_id', '=', ownerId).executeTakeFirst();
}

/** An owner's milestones (optionally one contact's), in calendar order of their month-day. */
export async function listMilestones(db: Kysely<DB>, ownerId: string, contactId?: string): Promise<MilestoneRow[]> {
  let q = baseQuery(db).where('m.owner_id', '=', ownerId);
  if (contactId) q = q.where('m.contact_id', '=', contactId);
  return q.orderBy('m.month_day').orderBy('m.id').execute();
}

export async function insertMilestone(db: Kysely<DB>, row: MilestoneTable): Promise<void> {
  await db.insertInto('milestone').values(row).execute();
}

export async function updateMilestone(db: Kysely<DB>, ownerId: string, id: string, values: Partial<MilestoneTable>): Promise<void> {
  await db.updateTable('milestone').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function deleteMilestone(db: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('milestone').where('id', '=', id).where('owner_id', '=', ownerId).execute();
}
