import type {
  AvailabilityWindowDto,
  BookingSettingsDto,
  BookingSettingsUpdateInput,
  PublicBookingConfirmationDto,
  PublicBookingPageDto,
  PublicBookingRequestInput,
} from '../../../contracts/booking';
import type { BookingPageTable } from '../../db/schema';
import { isValidTimeZone, nowIso } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { AppError, invalid, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import * as chatsRepo from '../chats/chats.repository';
import { invitationIcs } from '../chats/chats.ics';
import { contactIdByEmail, insertQuickContact } from '../events/quick-contact';
import { openSlots, type Busy, type SlotRules } from './booking.slots';

const DAY = 86_400_000;
const defaults = {
  availability: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '10:00', end: '12:00' },
    { weekday, start: '14:00', end: '16:00' },
  ]),
  slotMinutes: 30,
  bufferMinutes: 15,
  minNoticeMinutes: 24 * 60,
  horizonDays: 21,
};

const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30) || 'me';

function rulesOf(row: BookingPageTable): SlotRules {
  return {
    timezone: row.timezone,
    availability: JSON.parse(row.availability) as AvailabilityWindowDto[],
    slotMinutes: row.slot_minutes,
    bufferMinutes: row.buffer_minutes,
    minNoticeMinutes: row.min_notice_minutes,
    horizonDays: row.horizon_days,
  };
}

function toSettingsDto(row: BookingPageTable, saved: boolean): BookingSettingsDto {
  const rules = rulesOf(row);
  return { enabled: Boolean(row.enabled), slug: row.slug, title: row.title, ...rules, path: `/book/${row.slug}`, saved };
}

/** Only a first name is shown to visitors: the page shows nothing else of its owner. */
const displayName = (name: string) => name.trim().split(/\s+/)[0] || 'your host';

/** Constraint violations of a unique index, on either dialect. */
const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e.message ?? '');
};

/** The public booking page (strategy 5): settings for its owner, open times and bookings for visitors. */
export function bookingService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;

  async function busyOf(trx: typeof db, ownerId: string, rules: SlotRules, now: Date): Promise<Busy[]> {
    const rows = await chatsRepo.busyChats(trx, ownerId, new Date(now.getTime() - DAY).toISOString(), new Date(now.getTime() + (rules.horizonDays + 2) * DAY).toISOString());
    return rows.map((r) => {
      const start = Date.parse(r.scheduled_at);
      return { start, end: start + (r.duration_minutes ?? 30) * 60_000 };
    });
  }

  /** An enabled page by its slug; a disabled or unknown one is the same 404. */
  async function openPage(slug: string) {
    const page = await chatsRepo.findBookingPageBySlug(db, slug.toLowerCase());
    if (!page || !page.enabled) throw notFound('Booking page');
    return page;
  }

  async function settings(actor: Actor): Promise<BookingSettingsDto> {
      const row = await chatsRepo.findBookingPage(db, actor.userId);
      if (row) return toSettingsDto(row, true);
      const now = nowIso(clock);
      return toSettingsDto(
        {
          owner_id: actor.userId,
          slug: slugify(actor.name || actor.email.split('@')[0]!),
          enabled: false,
          title: null,
          timezone: actor.timezone,
          availability: JSON.stringify(defaults.availability),
          slot_minutes: defaults.slotMinutes,
          buffer_minutes: defaults.bufferMinutes,
          min_notice_minutes: defaults.minNoticeMinutes,
          horizon_days: defaults.horizonDays,
          created_at: now,
          updated_at: now,
        },
        false,
      );
  }

  return {
    settings,

    async updateSettings(actor: Actor, input: BookingSettingsUpdateInput): Promise<BookingSettingsDto> {
      if (input.timezone !== undefined && !isValidTimeZone(input.timezone)) throw invalid('timezone', `"${input.timezone}" is not an IANA time zone such as Europe/Berlin`);
      const current = await settings(actor);
      const now = nowIso(clock);
      const row: BookingPageTable = {
        owner_id: actor.userId,
        slug: input.slug ?? current.slug,
        enabled: input.enabled ?? current.enabled,
        title: input.title !== undefined ? input.title : current.title,
        timezone: input.timezone ?? current.timezone,
        availability: JSON.stringify(input.availability ?? current.availability),
        slot_minutes: input.slotMinutes ?? current.slotMinutes,
        buffer_minutes: input.bufferMinutes ?? current.bufferMinutes,
        min_notice_minutes: input.minNoticeMinutes ?? current.minNoticeMinutes,
        horizon_days: input.horizonDays ?? current.horizonDays,
        created_at: now,
        updated_at: now,
      };
      const taken = () => new AppError('conflict', `The address /book/${row.slug} is taken; choose another`, [{ path: 'slug', message: 'is taken' }]);
      if (await chatsRepo.slugTaken(db, row.slug, actor.userId)) throw taken();
      try {
        await chatsRepo.upsertBookingPage(db, row);
      } catch (error) {
        if (isUniqueViolation(error)) throw taken();
        throw error;
      }
      return settings(actor);
    },

    async publicPage(slug: string): Promise<PublicBookingPageDto> {
      const page = await openPage(slug);
      const rules = rulesOf(page);
      const now = clock.now();
      return { host: displayName(page.owner_name), title: page.title, timezone: page.timezone, slotMinutes: page.slot_minutes, slots: openSlots(rules, now, await busyOf(db, page.owner_id, rules, now)) };
    },

    /**
     * Books one open time: in one transaction (bookings of one owner take turns), the time is checked
     * against the open slots, the visitor is matched to a contact by email or added, and the chat is
     * created as scheduled. The chat's unique booked slot is the last word if two visitors race.
     */
    async book(slug: string, input: PublicBookingRequestInput): Promise<PublicBookingConfirmationDto> {
      if (input.timezone !== undefined && !isValidTimeZone(input.timezone)) throw invalid('timezone', 'is not an IANA time zone such as Europe/Paris');
      const page = await openPage(slug);
      const start = new Date(input.start).toISOString();
      const rules = rulesOf(page);
      const now = clock.now();
      if (!openSlots(rules, now).some((s) => s.start === start))
        throw invalid('start', Date.parse(start) < now.getTime() + rules.minNoticeMinutes * 60_000 ? 'is too soon or in the past; pick one of the open times' : 'is not one of the open times');
      const actor: Actor = { userId: page.owner_id, email: page.owner_email, name: page.owner_name, role: 'member', timezone: page.timezone, via: 'session' };
      const taken = () => new AppError('conflict', 'That time was just booked by someone else; pick another', [{ path: 'start', message: 'is no longer free' }]);
      const chatId = newId();
      try {
        await db.transaction().execute(async (trx) => {
          if (dialect === 'postgres') await chatsRepo.lockOwnerBookings(trx, page.owner_id);
          if (!openSlots(rules, now, await busyOf(trx, page.owner_id, rules, now)).some((s) => s.start === start)) throw taken();
          const stamp = nowIso(clock);
          const contactId =
            (await contactIdByEmail(trx, page.owner_id, input.email)) ??
            (await insertQuickContact(trx, dialect, actor, { name: input.name, email: input.email, howWeMet: 'Booked a chat through your booking page' }, stamp));
          await chatsRepo.insertChat(trx, {
            id: chatId,
            owner_id: page.owner_id,
            contact_id: contactId,
            kind: 'coffee_chat',
            purpose: null,
            status: 'scheduled',
            topic: input.topic,
            scheduled_at: start,
            duration_minutes: page.slot_minutes,
            questions: '[]',
            notes: `Booked by ${input.name} <${input.email}>${input.timezone ? ` (${input.timezone})` : ''}`,
            outcome: null,
            outcome_notes: null,
            source: 'booking',
            booked_slot: start,
            thank_you_follow_up_id: null,
            held_at: null,
            created_at: stamp,
            updated_at: stamp,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw taken();
        throw error;
      }
      const host = displayName(page.owner_name);
      return {
        start,
        end: new Date(Date.parse(start) + page.slot_minutes * 60_000).toISOString(),
        host,
        hostTimezone: page.timezone,
        topic: input.topic,
        ics: invitationIcs({
          uid: `${chatId}@rapport`,
          start,
          minutes: page.slot_minutes,
          summary: `Coffee chat with ${host}: ${input.topic}`,
          description: `Booked through ${host}'s Rapport booking page.`,
          attendee: { name: input.name, email: input.email },
          stamp: clock.now(),
        }),
      };
    },
  };
}

export type BookingService = ReturnType<typeof bookingService>;
