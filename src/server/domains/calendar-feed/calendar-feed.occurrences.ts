import { occurrencesBetween } from '../milestones/milestones.repository';
import type { FeedMilestone } from './calendar-feed.repository';

/** A milestone's or birthday's day in the feed: what its event prints, nothing more. */
export interface FeedOccurrence {
  /** The milestone's id, or `birthday:<contactId>`. */
  id: string;
  contactId: string;
  contactName: string;
  kind: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  years: number | null;
}

/** String.prototype.localeCompare without arguments compares as this collator does (ECMA-402), without looking it up per call. */
const collator = new Intl.Collator();

/** Same day: by contact name, then id, as localeCompare orders them. */
const byNameId = (x: FeedOccurrence, y: FeedOccurrence): number => collator.compare(x.contactName, y.contactName) || collator.compare(x.id, y.id);

/**
 * The occurrences between from and to (inclusive) of an owner's milestones and birthdays, as
 * listMilestoneOccurrences finds them for the same rows and in its order (which the feed read
 * before, and which a test holds it to): soonest first, then by contact name and id. Dates are
 * YYYY-MM-DD, whose text orders as the collator does, so the occurrences are grouped by day and only
 * a day's few are compared by the collator (sorting all of them with it compared three times as often).
 */
export function feedOccurrences(milestones: FeedMilestone[], birthdays: { id: string; name: string; birthday: string }[], from: string, to: string): FeedOccurrence[] {
  const byDay = new Map<string, FeedOccurrence[]>();
  const add = (o: FeedOccurrence) => {
    const day = byDay.get(o.date);
    if (day) day.push(o);
    else byDay.set(o.date, [o]);
  };
  for (const m of milestones)
    for (const o of occurrencesBetween(m.on_date, m.recurrence, from, to))
      add({ id: m.id, contactId: m.contact_id, contactName: m.contact_name, kind: m.kind, title: m.title, date: o.date, years: o.years });
  for (const c of birthdays)
    for (const o of occurrencesBetween(c.birthday, 'yearly', from, to))
      add({ id: `birthday:${c.id}`, contactId: c.id, contactName: c.name, kind: 'birthday', title: `${c.name}’s birthday`, date: o.date, years: o.years });
  const out: FeedOccurrence[] = [];
  for (const date of [...byDay.keys()].sort()) {
    const day = byDay.get(date)!;
    if (day.length > 1) day.sort(byNameId);
    for (const o of day) out.push(o);
  }
  return out;
}
