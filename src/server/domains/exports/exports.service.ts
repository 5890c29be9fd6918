import { nowIso } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { tagsByContact } from '../contacts/contacts.repository';
import { toContactDto } from '../contacts/contacts.service';
import type { ContactDto } from '../../../contracts/contacts';
import { csvChunk } from './csv';
import { calendarFooter, calendarHeader, toVEvent } from './ics';
import * as repo from './exports.repository';
import { toVCard, type VCardVersion } from './vcard';

/** Contacts read per round trip while exporting: memory stays flat whatever the account's size. */
export const EXPORT_PAGE = 1000;

/** Exports of an account's own data, as text chunks to stream (HTTP response, file, stdout). */
export function exportService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;

  async function* contacts(actor: Actor): AsyncGenerator<ContactDto[]> {
    let after: { sortName: string; id: string } | undefined;
    for (;;) {
      const rows = await repo.contactPage(db, actor.userId, EXPORT_PAGE, after);
      if (rows.length === 0) return;
      const tags = await tagsByContact(db, rows.map((r) => r.id));
      yield rows.map((r) => toContactDto(r, tags.get(r.id) ?? []));
      if (rows.length < EXPORT_PAGE) return;
      const last = rows.at(-1)!;
      after = { sortName: last.sort_name, id: last.id };
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

    /** Open follow-ups as all-day events on the day they show up. */
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
      yield calendarFooter;
    },
  };
}

export type ExportService = ReturnType<typeof exportService>;
