import { nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { tagsByContact } from '../contacts/contacts.repository';
import type { ExportContact } from './vcard';
import { csvChunk } from './csv';
import { calendarFooter, calendarHeader, toVEvent, yearly } from './ics';
import * as repo from './exports.repository';
import { toVCard, type VCardVersion } from './vcard';

/**
 * What an export writes of a contact: the profile, without what the API computes on read (strength),
 * which an export of 30,000 contacts would otherwise pay for.
 */
export function toExportContact(row: repo.ExportContactRow, tags: string[]): ExportContact {
  return {
    id: row.id,
    name: row.name,
    givenName: row.given_name,
    familyName: row.family_name,
    pronouns: row.pronouns,
    headline: row.headline,
    organization: row.organization_name,
    title: row.title,
    location: row.location,
    timezone: row.timezone,
    emails: JSON.parse(row.emails) as string[],
    phones: JSON.parse(row.phones) as string[],
    socialProfiles: JSON.parse(row.social_profiles) as ExportContact['socialProfiles'],
    birthday: row.birthday,
    howWeMet: row.how_we_met,
    circle: row.circle as ExportContact['circle'],
    cadenceDays: row.cadence_days,
    tags,
    starred: Boolean(row.starred),
    archived: Boolean(row.archived),
    lastInteractionAt: row.last_interaction_at,
    nextDueOn: row.next_due_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Contacts read per round trip while exporting: memory stays flat whatever the account's size. */
export const EXPORT_PAGE = 1000;

/** Exports of an account's own data, as text chunks to stream (HTTP response, file, stdout). */
export function exportService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;

  /** Active contacts by name, then archived ones by name, a page at a time. */
  async function* contacts(actor: Actor): AsyncGenerator<ExportContact[]> {
    for (const archived of [false, true]) {
      let after: { sortName: string; id: string } | undefined;
      for (;;) {
        const rows = await repo.contactPage(db, actor.userId, archived, EXPORT_PAGE, after);
        if (rows.length === 0) break;
        const tags = await tagsByContact(db, rows.map((r) => r.id));
        yield rows.map((r) => toExportContact(r, tags.get(r.id) ?? []));
        if (rows.length < EXPORT_PAGE) break;
        const last = rows.at(-1)!;
        after = { sortName: last.sort_name, id: last.id };
      }
    }
  }

  return {
    /** Every contact (archived ones too) as vCard 4.0, or 3.0 on request, by name. */
    async *vcard(actor: Actor, version: VCardVersion = '4.0'): AsyncGenerator<string> {
      for await (const page of contacts(actor)) {
        let chunk = '';
        for (const c of page) chunk += toVCard(c, version);
        yield chunk;
      }
    },

    /** Every contact as CSV with a header row (even when there are none). */
    async *csv(actor: Actor): AsyncGenerator<string> {
      let first = true;
      for await (const page of contacts(actor)) {
        yield csvChunk(page, first);
        first = false;
      }
      if (first) yield csvChunk([], true);
    },

    /**
     * Open follow-ups as all-day events on the day they show up; milestones and the birthdays of
     * active contacts as all-day events, yearly ones with an RRULE (so the file stays small and
     * calendars show every future year).
     */
    async *calendar(actor: Actor): AsyncGenerator<string> {
      const now = nowIso(clock);
      yield calendarHeader(`Rapport: ${actor.name}`);
      const followUps = await repo.openFollowUps(db, actor.userId);
      let chunk = '';
      for (const f of followUps)
        chunk += toVEvent(
          {
            uid: `follow-up-${f.id}@rapport`,
            date: f.remind_on,
            summary: `Follow up with ${f.contact_name}`,
            description: f.remind_on === f.due_on ? f.reason : `${f.reason}\n(due ${f.due_on}, snoozed)`,
            categories: ['Rapport', 'Follow-up'],
            created: f.created_at,
            updated: f.updated_at,
          },
          now,
        );
      yield chunk;
      chunk = '';
      const thisYear = Number(todayIn(clock, actor.timezone).slice(0, 4));
      for (const m of await repo.milestones(db, actor.userId)) {
        const once = m.recurrence !== 'yearly';
        if (once && m.on_date.startsWith('--')) continue; // a one-off without a year has no date
        const when = once ? { date: m.on_date, rrule: undefined } : yearly(m.on_date, thisYear);
        chunk += toVEvent(
          {
            uid: `milestone-${m.id}@rapport`,
            date: when.date,
            rrule: when.rrule,
            summary: m.title.includes(m.contact_name) ? m.title : `${m.title}: ${m.contact_name}`,
            description: m.notes,
            categories: ['Rapport', 'Milestone', m.kind],
            remindDaysBefore: m.remind_days_before,
            created: m.created_at,
            updated: m.updated_at,
          },
          now,
        );
      }
      for (const c of await repo.birthdays(db, actor.userId)) {
        const when = yearly(c.birthday!, thisYear);
        chunk += toVEvent(
          { uid: `birthday-${c.id}@rapport`, date: when.date, rrule: when.rrule, summary: `Birthday: ${c.name}`, categories: ['Rapport', 'Birthday'], created: c.created_at, updated: c.updated_at },
          now,
        );
      }
      yield chunk;
      yield calendarFooter;
    },
  };
}

export type ExportService = ReturnType<typeof exportService>;
