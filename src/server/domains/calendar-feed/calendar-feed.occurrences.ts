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

/**
 * Soonest first, then by contact name and id: the order of listMilestoneOccurrences (which the
 * feed read before, and which a test holds it to). Dates are YYYY-MM-DD, where comparing the text
 * orders as the collator does.
 */
export function byDateNameId(x: FeedOccurrence, y: FeedOccurrence): number {
  if (x.date !== y.date) return x.date < y.date ? -1 : 1;
  return collator.compare(x.contactName, y.contactName) || collator.compare(x.id, y.id);
}

/**
 * The occurrences between from and to (inclusive) of an owner's milestones and birthdays, as
 * listMilestoneOccurrences finds them for the same rows, soonest first.
 */
export function feedOccurrences(milestones: FeedMilestone[], birthdays: { id: string; name: string; birthday: string }[], from: string, to: string): FeedOccurrence[] {
  const out: FeedOccurrence[] = [];
  for (const m of milestones)
    for (const o of occurrencesBetween(m.on_date, m.recurrence, from, to))
      out.push({ id: m.id, contactId: m.contact_id, contactName: m.contact_name, kind: m.kind, title: m.title, date: o.date, years: o.years });
  for (const c of birthdays)
    for (const o of occurrencesBetween(c.birthday, 'yearly', from, to))
      out.push({ id: `birthday:${c.id}`, contactId: c.id, contactName: c.name, kind: 'birthday', title: `${c.name}’s birthday`, date: o.date, years: o.years });
  return out.sort(byDateNameId);
}
