import type { CalendarFeedDto, CreatedCalendarFeedDto } from '../../../contracts/calendar-feed';
import type { CalendarFeedTable } from '../../db/schema';
import { addDays, nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { newSecret, sha256 } from '../../platform/secrets';
import { feedChunks, type FeedEvent } from './calendar-feed.ics';
import { feedOccurrences } from './calendar-feed.occurrences';
import * as repo from './calendar-feed.repository';

/** The feed shows milestones and snoozes from this many days back, and milestones a year ahead. */
export const FEED_PAST_DAYS = 30;
export const FEED_AHEAD_DAYS = 365;
const TOUCH_INTERVAL_MS = 60_000;
/** The events' categories, frozen: the writer makes each list's line once (calendar-feed.ics.ts). */
const CATEGORIES = {
  followUp: Object.freeze(['Follow-up']),
  snoozedFollowUp: Object.freeze(['Follow-up', 'Snoozed']),
  birthday: Object.freeze(['Birthday']),
  milestone: Object.freeze(['Milestone']),
  snoozed: Object.freeze(['Snoozed']),
};

const toDto = (row: CalendarFeedTable | undefined): CalendarFeedDto => ({
  active: Boolean(row),
  prefix: row?.token_prefix ?? null,
  createdAt: row?.created_at ?? null,
  lastUsedAt: row?.last_used_at ?? null,
});

/**
 * A per-user secret calendar (ICS) URL: follow-ups, milestones and birthdays, and snoozes, as all-day
 * events. The token is the only credential, so it is stored as a SHA-256 hash, shown once, and a new
 * one (rotate) or a revoke makes the old URL answer 404.
 */
export function calendarFeedService(deps: Deps) {
  const { database, clock, config } = deps;
  const { db } = database;
  const urlOf = (token: string) => `${config.baseUrl.replace(/\/$/, '')}/api/calendar/${token}.ics`;

  return {
    async status(actor: Actor): Promise<CalendarFeedDto> {
      return toDto(await repo.findFeedOfOwner(db, actor.userId));
    },

    /** Creates the feed URL, or replaces it (rotate): the previous URL stops working at once. */
    async create(actor: Actor): Promise<CreatedCalendarFeedDto> {
      const token = newSecret('rcal');
      const row: CalendarFeedTable = { id: newId(), owner_id: actor.userId, token_hash: sha256(token), token_prefix: token.slice(0, 10), created_at: nowIso(clock), last_used_at: null };
      await db.transaction().execute((trx) => repo.replaceFeed(trx, row));
      return { ...toDto(row), url: urlOf(token), token };
    },

    async revoke(actor: Actor): Promise<void> {
      if ((await repo.deleteFeed(db, actor.userId)) === 0) throw notFound('Calendar feed');
    },

    /**
     * The feed's iCalendar text, in chunks of UTF-8, for a token from its URL; 404 for an unknown or revoked
     * one. The queries run first (a 404 or a database error is still a proper answer); the text is
     * written as it is read.
     */
    async render(token: string): Promise<Iterable<Buffer>> {
      const feed = await repo.findFeedByHash(db, sha256(token.replace(/\.ics$/i, '')));
      if (!feed) throw notFound('Calendar feed');
      const now = clock.now();
      if (!feed.last_used_at || now.getTime() - Date.parse(feed.last_used_at) > TOUCH_INTERVAL_MS) await repo.touchFeed(db, feed.id, now.toISOString());
      const tz = feed.timezone;
      const today = todayIn(clock, tz);
      const from = addDays(today, -FEED_PAST_DAYS);
      // Birthdays and milestones have no change time of their own: stamped with the day, they keep
      // the same text (and cache key) all day.
      const stamp = `${today}T00:00:00Z`;
      const base = config.baseUrl.replace(/\/$/, '');
      // The window is longer than a year, so every milestone and birthday has a day in it: they are
      // read whole (as listMilestoneOccurrences reads them then), with only the columns printed.
      const [followUps, milestones, birthdays, snoozes] = await Promise.all([
        repo.openFollowUps(db, feed.owner_id),
        repo.feedMilestones(db, feed.owner_id),
        repo.feedBirthdays(db, feed.owner_id),
        repo.cadenceSnoozes(db, feed.owner_id, from),
      ]);
      const occurrences = feedOccurrences(milestones, birthdays, from, addDays(today, FEED_AHEAD_DAYS));
      function* events(): Generator<FeedEvent> {
        for (const f of followUps) {
          const snoozed = f.snoozed_until !== null && f.snoozed_until > f.due_on;
          yield {
            uid: `follow-up-${f.id}@rapport`,
            date: snoozed ? f.snoozed_until! : f.due_on,
            summary: `Follow up with ${f.contact_name}${snoozed ? ' (snoozed)' : ''}: ${f.reason}`,
            description: snoozed ? `Due ${f.due_on}, snoozed until ${f.snoozed_until}.` : undefined,
            url: `${base}/contacts/${f.contact_id}`,
            categories: snoozed ? CATEGORIES.snoozedFollowUp : CATEGORIES.followUp,
            stamp: f.updated_at,
          };
        }
        for (const o of occurrences) {
          const years = o.years ? (o.kind === 'birthday' ? ` (turns ${o.years})` : ` (${o.years} year${o.years === 1 ? '' : 's'})`) : '';
          yield {
            uid: `${o.id.replace(':', '-')}-${o.date}@rapport`,
            date: o.date,
            summary: `${o.title}${years}`,
            url: `${base}/contacts/${o.contactId}`,
            categories: o.kind === 'birthday' ? CATEGORIES.birthday : CATEGORIES.milestone,
            stamp,
          };
        }
        for (const s of snoozes)
          yield {
            uid: `cadence-snooze-${s.id}-${s.until}@rapport`,
            date: s.until,
            summary: `Keep in touch with ${s.name} (back from snooze)`,
            url: `${base}/contacts/${s.id}`,
            categories: CATEGORIES.snoozed,
            stamp: s.updated_at,
          };
      }
      // Written afresh on every read: writing the text directly costs less than hashing the events
      // for a cache key did (measured on 30,000 events, docs/performance.md).
      return feedChunks(events(), { name: 'Rapport', timezone: tz });
    },
  };
}

export type CalendarFeedService = ReturnType<typeof calendarFeedService>;
