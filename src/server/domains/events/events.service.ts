import type {
  EventCreateInput,
  EventDto,
  EventImportInput,
  EventListQueryInput,
  EventPeopleAddInput,
  EventPersonDto,
  EventRole,
  EventUpdateInput,
} from '../../../contracts/events';
import type { EventTable } from '../../db/schema';
import { addDays, isValidTimeZone, nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { ownedContactIds } from '../contacts/contacts.repository';
import { insertFollowUp } from '../follow-ups/follow-ups.repository';
import { newestForPurpose } from '../templates/templates.repository';
import { renderTemplate } from '../templates/templates.render';
import { eventFromIcs } from './events.ics';
import * as repo from './events.repository';
import { insertQuickContact } from './quick-contact';

export function toEventDto(row: repo.EventRow): EventDto {
  return {
    id: row.id,
    name: row.name,
    link: row.link,
    organizer: row.organizer,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    timezone: row.timezone,
    role: row.role as EventRole,
    notes: row.notes,
    met: row.met,
    followedUp: row.followed_up,
    waiting: row.waiting,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/**
 * The first message after meeting someone, which the person edits before sending: their own
 * follow-up template when they wrote one (with {{eventName}} and, as {{lastTopic}}, the line of
 * context), else a built-in one made for people met at an event.
 */
export function suggestedMessage(contactName: string, eventName: string, context: string | null, template?: string): string {
  if (template)
    return renderTemplate(template, { firstName: firstName(contactName), eventName, lastTopic: context ?? 'our conversation', daysSince: '0' });
  const about = context ? ` I enjoyed our conversation about ${context.replace(/[.!\s]+$/, '')}.` : ' I enjoyed our conversation.';
  return `Hi ${firstName(contactName)}, great to meet you at ${eventName}!${about} Would you like to stay in touch? I'd be glad to continue the conversation sometime.`;
}

export const followUpReason = (eventName: string, context: string | null) => `Follow up from ${eventName}${context ? `: ${context}` : ''}`.slice(0, 500);

function toPersonDto(row: repo.EventPersonRow, eventName: string, template: string | undefined, created?: boolean): EventPersonDto {
  const done = row.fu_done_at !== null;
  return {
    contactId: row.contact_id,
    contactName: row.contact_name,
    headline: row.headline,
    context: row.context,
    metAt: row.created_at,
    status: row.fu_id === null ? 'no_follow_up' : done ? 'followed_up' : 'waiting',
    followUp: row.fu_id === null ? null : { id: row.fu_id, dueOn: row.fu_due_on!, reason: row.fu_reason!, done },
    suggestedMessage: suggestedMessage(row.contact_name, eventName, row.context, template),
    ...(created !== undefined && { created }),
  };
}

/** Strategy 1: events, the people met there, and their first follow-ups. */
export function eventService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;

  async function get(actor: Actor, id: string): Promise<EventDto> {
    const row = await repo.findEvent(db, actor.userId, id);
    if (!row) throw notFound('Event');
    return toEventDto(row);
  }

  const followUpTemplate = async (actor: Actor) => (await newestForPurpose(db, actor.userId, 'follow_up'))?.body;

  function checkZone(zone: string | undefined) {
    if (zone !== undefined && !isValidTimeZone(zone)) throw invalid('timezone', `"${zone}" is not an IANA time zone such as Europe/Berlin`);
  }

  async function create(actor: Actor, input: EventCreateInput): Promise<EventDto> {
    checkZone(input.timezone);
    const endsOn = input.endsOn ?? input.startsOn;
    if (endsOn < input.startsOn) throw invalid('endsOn', 'must not be before startsOn');
    const now = nowIso(clock);
    const row: EventTable = {
      id: newId(),
      owner_id: actor.userId,
      name: input.name,
      link: input.link ?? null,
      organizer: input.organizer ?? null,
      starts_on: input.startsOn,
      ends_on: endsOn,
      timezone: input.timezone ?? actor.timezone,
      role: input.role ?? 'attendee',
      notes: input.notes ?? null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertEvent(db, row);
    return get(actor, row.id);
  }

  return {
    get,
    create,

    async importIcs(actor: Actor, input: EventImportInput): Promise<EventDto> {
      return create(actor, eventFromIcs(input.ics, actor, input.role));
    },

    async update(actor: Actor, id: string, input: EventUpdateInput): Promise<EventDto> {
      checkZone(input.timezone);
      await db.transaction().execute(async (trx) => {
        const current = await repo.findEvent(trx, actor.userId, id);
        if (!current) throw notFound('Event');
        const startsOn = input.startsOn ?? current.starts_on;
        const endsOn = input.endsOn ?? (input.startsOn && input.startsOn > current.ends_on ? input.startsOn : current.ends_on);
        if (endsOn < startsOn) throw invalid('endsOn', 'must not be before startsOn');
        await repo.updateEvent(trx, actor.userId, id, {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.link !== undefined && { link: input.link }),
          ...(input.organizer !== undefined && { organizer: input.organizer }),
          ...(input.timezone !== undefined && { timezone: input.timezone }),
          ...(input.role !== undefined && { role: input.role }),
          ...(input.notes !== undefined && { notes: input.notes }),
          starts_on: startsOn,
          ends_on: endsOn,
          updated_at: nowIso(clock),
        });
      });
      return get(actor, id);
    },

    /** Deletes the event and its list of people met; the contacts and their follow-ups stay. */
    async remove(actor: Actor, id: string): Promise<void> {
      if (!(await repo.eventExists(db, actor.userId, id))) throw notFound('Event');
      await repo.deleteEvent(db, actor.userId, id);
    },

    async list(actor: Actor, query: Partial<EventListQueryInput> & { limit: number }): Promise<{ items: EventDto[]; nextCursor: string | null }> {
      const cursor = decodeCursor(query.cursor, 2);
      const rows = await repo.listEvents(db, { ownerId: actor.userId, q: query.q }, query.limit + 1, cursor && { key: String(cursor[0]), id: String(cursor[1]) });
      const page = pageOf(rows, query.limit, (r) => [r.starts_on, r.id]);
      return { items: page.items.map(toEventDto), nextCursor: page.nextCursor };
    },

    async people(actor: Actor, id: string): Promise<{ items: EventPersonDto[] }> {
      const event = await repo.findEvent(db, actor.userId, id);
      if (!event) throw notFound('Event');
      const [rows, template] = await Promise.all([repo.listPeople(db, actor.userId, id), followUpTemplate(actor)]);
      return { items: rows.map((r) => toPersonDto(r, event.name, template)) };
    },

    /**
     * Adds the people met, in one transaction: new names become contacts, and everyone newly added
     * gets a first follow-up due in `followUpInDays` days (from today, in your time zone). Someone
     * already on the list keeps their follow-up; a new line of context replaces the old one.
     */
    async addPeople(actor: Actor, id: string, input: EventPeopleAddInput): Promise<{ items: EventPersonDto[] }> {
      const now = nowIso(clock);
      const dueOn = addDays(todayIn(clock, actor.timezone), input.followUpInDays ?? 3);
      const created = new Map<string, boolean>();
      let eventName = '';
      await db.transaction().execute(async (trx) => {
        const event = await repo.findEvent(trx, actor.userId, id);
        if (!event) throw notFound('Event');
        eventName = event.name;
        const given = input.people.flatMap((p) => (p.contactId ? [p.contactId] : []));
        const owned = await ownedContactIds(trx, actor.userId, given);
        if (given.some((c) => !owned.has(c))) throw notFound('Contact');
        for (const person of input.people) {
          const context = person.context ?? null;
          let contactId = person.contactId;
          if (!contactId) {
            contactId = await insertQuickContact(trx, dialect, actor, { name: person.name!, email: person.email, howWeMet: followUpReason(event.name, context).replace(/^Follow up from /, 'Met at ') }, now);
            created.set(contactId, true);
          } else if (!created.has(contactId)) created.set(contactId, false);
          const inserted = await repo.insertPerson(trx, { event_id: id, contact_id: contactId, owner_id: actor.userId, context, follow_up_id: null, created_at: now });
          if (!inserted) {
            if (context) await repo.updatePersonContext(trx, actor.userId, id, contactId, context);
            continue;
          }
          const followUpId = newId();
          await insertFollowUp(trx, {
            id: followUpId,
            owner_id: actor.userId,
            contact_id: contactId,
            due_on: dueOn,
            reason: followUpReason(event.name, context),
            done_at: null,
            snoozed_until: null,
            remind_on: dueOn,
            created_at: now,
            updated_at: now,
          });
          await repo.setPersonFollowUp(trx, id, contactId, followUpId);
        }
      });
      const order = [...created.keys()];
      const rows = await repo.listPeople(db, actor.userId, id, order);
      rows.sort((a, b) => order.indexOf(a.contact_id) - order.indexOf(b.contact_id));
      const template = await followUpTemplate(actor);
      return { items: rows.map((r) => toPersonDto(r, eventName, template, created.get(r.contact_id))) };
    },

    async removePeople(actor: Actor, id: string, contactIds: string[]): Promise<void> {
      if (!(await repo.eventExists(db, actor.userId, id))) throw notFound('Event');
      await repo.deletePeople(db, actor.userId, id, contactIds);
    },
  };
}

export type EventService = ReturnType<typeof eventService>;
