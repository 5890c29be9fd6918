import { DateTime } from 'luxon';
import type { Circle } from '../../../contracts/contacts';
import type { TodayActionInput, TodayDto, TodayItemDto } from '../../../contracts/relationships';
import { addDays, dateIn, nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { AppError, invalid, notFound } from '../../platform/errors';
import { findContact, updateContact } from '../contacts/contacts.repository';
import { nextDueOn } from '../contacts/contacts.derived';
import { followUpService } from '../follow-ups/follow-ups.service';
import { findMilestone, listMilestoneOccurrences, updateMilestone, type MilestoneOccurrence } from '../milestones/milestones.repository';
import { defaultTitles } from '../milestones/milestones.service';
import { cachedSettings, effectiveCadence, readSettings } from '../relationships/settings';
import { scheduledPostsOn } from '../social/social.repository';
import * as repo from './today.repository';

/** How the agenda ranks (higher first) and which circles weigh more when equally overdue. */
const circleBonus: Record<Circle | 'none', number> = { inner: 8, close: 6, active: 4, wider: 2, acquaintance: 0, none: 0 };
/** A milestone shows this many days ahead (or its own remind-ahead, when longer). */
const MILESTONE_DAYS = 7;
/** Silence that makes a strong tie dormant. */
const DORMANT_AFTER_DAYS = 180;
/** How long a newly added contact waits in "awaiting a first follow-up". */
const NEW_CONTACT_DAYS = 14;
/** When "done" on a contact item has no cadence to go by, it comes back after this many days. */
const DONE_DEFAULT_DAYS = 30;

type DueRow = Awaited<ReturnType<typeof repo.dueFollowUps>>[number];
type CadenceRow = Awaited<ReturnType<typeof repo.dueByCircle>>[number];
type DormantRow = Awaited<ReturnType<typeof repo.dormantStrongTies>>[number];
type RecentRow = Awaited<ReturnType<typeof repo.recentlyAdded>>[number];

/**
 * What ranking an agenda item needs, with the row it comes from; `itemOf` writes the item (its words)
 * only for the chosen ones. `n` is the days late (follow-up), days until (milestone), the cadence in
 * days (cadence) or the days since met (new contact).
 */
export type Candidate = { id: string; contactId: string; contactName: string; priority: number; n: number } & (
  | { type: 'follow_up'; f: DueRow }
  | { type: 'milestone'; o: MilestoneOccurrence }
  | { type: 'cadence'; c: CadenceRow }
  | { type: 'dormant'; c: DormantRow }
  | { type: 'new_contact'; c: RecentRow; metOn: string }
);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Whole days from one calendar date (YYYY-MM-DD) to another; plain arithmetic (luxon's diff was most of the agenda's CPU). */
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / DAY_MS);
const humanKind = (kind: string) => (defaultTitles[kind as keyof typeof defaultTitles] ?? kind).toLowerCase();

/**
 * The Today agenda: what to do for your network today, each item with its reason and actions.
 * "Today" is the actor's calendar day in their own time zone.
 */
export function todayService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;
  const followUps = followUpService(deps);

  return {
    async agenda(actor: Actor, query: { limit?: number } = {}): Promise<TodayDto> {
      const now = clock.now();
      // todayIn's own date, read with dateIn's cached Intl format instead of a luxon DateTime.
      const today = dateIn(now.toISOString(), actor.timezone);
      const settings = await cachedSettings(db, actor.userId);
      const budget = query.limit ?? settings.dailyBudget;
      const fetch = budget * 2;
      const since = DateTime.fromJSDate(now).minus({ days: NEW_CONTACT_DAYS }).toUTC().toISO()!;
      const silentBefore = DateTime.fromJSDate(now).minus({ days: DORMANT_AFTER_DAYS }).toUTC().toISO()!;
      const [due, dueCount, cadence, cadenceCount, occurrences, dormant, recent, posts] = await Promise.all([
        repo.dueFollowUps(db, actor.userId, today, fetch),
        repo.countDueFollowUps(db, actor.userId, today),
        repo.dueByCircle(db, actor.userId, today, fetch),
        repo.countDueContacts(db, actor.userId, today),
        listMilestoneOccurrences(db, actor.userId, today, addDays(today, 60), { birthdaysTo: addDays(today, MILESTONE_DAYS), soonTo: addDays(today, MILESTONE_DAYS) }),
        repo.dormantStrongTies(db, actor.userId, silentBefore, today, fetch),
        repo.recentlyAdded(db, actor.userId, since, 50),
        scheduledPostsOn(db, actor.userId, today),
      ]);

      // Candidates carry what ranking needs; an item's words are written only if it is chosen (a call
      // looks at a few hundred candidates to show seven, and writing them all was most of its garbage).
      const candidates: Candidate[] = [];
      for (const f of due) {
        const late = daysBetween(f.due_on, today);
        candidates.push({ type: 'follow_up', id: `follow_up:${f.id}`, contactId: f.contact_id, contactName: f.contact_name, priority: 100 + Math.min(late, 30), f, n: late });
      }
      for (const o of occurrences) {
        const until = daysBetween(today, o.date);
        if (until > Math.max(MILESTONE_DAYS, o.remindDaysBefore)) continue;
        if (o.dismissedThrough && o.dismissedThrough >= o.date) continue;
        candidates.push({ type: 'milestone', id: `milestone:${o.id}@${o.date}`, contactId: o.contactId, contactName: o.contactName, priority: 90 - until, o, n: until });
      }
      for (const c of cadence) {
        const every = effectiveCadence(c, settings);
        if (!every || !c.next_due_on) continue;
        const ratio = Math.max(0, daysBetween(c.next_due_on, today)) / every;
        const priority = 50 + 10 * Math.min(ratio, 3) + circleBonus[(c.circle as Circle | null) ?? 'none'];
        candidates.push({ type: 'cadence', id: `cadence:${c.id}`, contactId: c.id, contactName: c.name, priority, c, n: every });
      }
      for (const c of dormant) {
        candidates.push({ type: 'dormant', id: `dormant:${c.id}`, contactId: c.id, contactName: c.name, priority: 40 + Math.min(Number(c.rel_points ?? 0) / 10, 9), c, n: 0 });
      }

      // Added recently, no meaningful interaction after the day they were added, nothing planned yet.
      const lastDate = (c: { last_meaningful_at?: string | null }) => lastDateIn(c, actor.timezone);
      const awaiting = recent.filter((c) => {
        if (c.cadence_snoozed_until && c.cadence_snoozed_until > today) return false;
        const added = dateIn(c.created_at, actor.timezone);
        const first = c.first_interaction_at ? dateIn(c.first_interaction_at, actor.timezone) : added;
        const met = first < added ? first : added;
        const last = lastDate(c);
        return last === null || last <= met;
      });
      const planned = await repo.withOpenFollowUp(db, actor.userId, awaiting.map((c) => c.id));
      for (const c of awaiting) {
        if (planned.has(c.id)) continue;
        const addedOn = dateIn(c.created_at, actor.timezone);
        const firstOn = c.first_interaction_at ? dateIn(c.first_interaction_at, actor.timezone) : addedOn;
        const metOn = firstOn < addedOn ? firstOn : addedOn;
        const added = daysBetween(metOn, today);
        candidates.push({ type: 'new_contact', id: `new_contact:${c.id}`, contactId: c.id, contactName: c.name, priority: 55 + added, c, n: added, metOn });
      }

      const { chosen, people } = pick(candidates, budget);
      // Candidates left out: the ones looked at, plus due ones beyond what was fetched.
      const considered = people + Math.max(0, dueCount - due.length) + Math.max(0, cadenceCount - cadence.length);
      const more = Math.max(0, considered - chosen.length);
      const reminders = posts.map((p) => ({
        id: `content_post:${p.id}`,
        type: 'scheduled_post' as const,
        title: p.topic,
        reason: `Scheduled post${p.platform ? ` for ${p.platform}` : ''} today: ${p.topic}`,
        date: today,
        link: '/social',
      }));
      return { date: today, timezone: actor.timezone, budget, items: chosen.map((c) => itemOf(c, today, actor.timezone)), more, reminders };
    },

    /** done or snooze an agenda item; what that means depends on the item (docs/api.md). */
    async act(actor: Actor, input: TodayActionInput): Promise<void> {
      const [type, ...rest] = input.item.split(':');
      const ref = rest.join(':');
      const today = todayIn(clock, actor.timezone);
      if (input.until !== undefined && input.until <= today) throw invalid('until', 'must be after today');
      if (type === 'follow_up') {
        await followUps.update(actor, ref, input.action === 'done' ? { done: true } : { snoozedUntil: input.until! });
        return;
      }
      if (type === 'cadence' || type === 'dormant' || type === 'new_contact') {
        await db.transaction().execute(async (trx) => {
          const c = await findContact(trx, actor.userId, ref);
          if (!c) throw notFound('Contact');
          const settings = await readSettings(trx, actor.userId);
          const until = input.action === 'snooze' ? input.until! : addDays(today, effectiveCadence(c, settings) ?? DONE_DEFAULT_DAYS);
          const next = nextDueOn({ ...c, cadence_snoozed_until: until }, c.last_meaningful_at ?? null, actor.timezone, settings);
          await updateContact(trx, actor.userId, c.id, { cadence_snoozed_until: until, next_due_on: next });
        });
        return;
      }
      if (type === 'milestone') {
        if (input.action !== 'done') throw invalid('action', 'a milestone can only be done');
        const [occurrence, date] = ref.split('@');
        if (!occurrence || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw notFound('Agenda item');
        if (occurrence.startsWith('birthday:')) {
          const contactId = occurrence.slice('birthday:'.length);
          const c = await findContact(db, actor.userId, contactId);
          if (!c) throw notFound('Contact');
          await updateContact(db, actor.userId, contactId, { birthday_dismissed_through: date });
          return;
        }
        if (!(await findMilestone(db, actor.userId, occurrence))) throw notFound('Milestone');
        await updateMilestone(db, actor.userId, occurrence, { dismissed_through: date, updated_at: nowIso(clock) });
        return;
      }
      throw new AppError('not_found', 'Agenda item not found');
    },
  };
}

/**
 * The day's list: one item per contact (its most pressing), the top item of every kind first so a
 * long backlog of one kind cannot crowd out a birthday or a new acquaintance, then by priority.
 */
export function pick<T extends Pick<Candidate, 'type' | 'id' | 'contactId' | 'contactName' | 'priority'>>(items: T[], budget: number): { chosen: T[]; people: number } {
  const byPriority = [...items].sort((a, b) => b.priority - a.priority || a.contactName.localeCompare(b.contactName) || a.id.localeCompare(b.id));
  const seen = new Set<string>();
  const unique = byPriority.filter((i) => (seen.has(i.contactId) ? false : (seen.add(i.contactId), true)));
  const chosen = new Set<T>();
  for (const type of ['follow_up', 'milestone', 'cadence', 'new_contact', 'dormant'] as const) {
    if (chosen.size >= budget) break;
    const top = unique.find((i) => i.type === type);
    if (top) chosen.add(top);
  }
  for (const i of unique) {
    if (chosen.size >= budget) break;
    chosen.add(i);
  }
  // `people`: how many contacts the items are about (one item per contact).
  return { chosen: unique.filter((i) => chosen.has(i)), people: unique.length };
}

const lastDateIn = (c: { last_meaningful_at?: string | null }, timeZone: string) => (c.last_meaningful_at ? dateIn(c.last_meaningful_at, timeZone) : null);

/** The agenda item of a chosen candidate: its title, reason, date and actions. */
function itemOf(k: Candidate, today: string, timeZone: string): TodayItemDto {
  const { id, contactId, contactName } = k;
  switch (k.type) {
    case 'follow_up': {
      const { f, n: late } = k;
      return {
        id,
        type: 'follow_up',
        contactId,
        contactName,
        circle: f.circle as Circle | null,
        title: f.reason,
        reason: late <= 0 ? 'follow-up due today' : `follow-up due ${plural(late, 'day')} ago`,
        date: f.due_on,
        actions: ['log', 'done', 'snooze', 'draft'],
        draftPurpose: 'follow_up',
        eventName: null,
      };
    }
    case 'milestone': {
      const { o, n: until } = k;
      const what = o.kind === 'birthday' ? 'birthday' : humanKind(o.kind);
      const years = o.years && o.kind !== 'birthday' ? ` (${plural(o.years, 'year')})` : o.years && o.kind === 'birthday' ? ` (turns ${o.years})` : '';
      return {
        id,
        type: 'milestone',
        contactId,
        contactName,
        circle: null,
        title: o.title,
        reason: `${what} ${until === 0 ? 'today' : until === 1 ? 'tomorrow' : `in ${until} days`}${years}`,
        date: o.date,
        actions: ['log', 'done', 'draft'],
        draftPurpose: 'congratulations',
        eventName: o.kind === 'birthday' ? 'your birthday' : o.title,
      };
    }
    case 'cadence': {
      const { c, n: every } = k;
      const last = lastDateIn(c, timeZone);
      const silent = daysBetween(last ?? dateIn(c.created_at, timeZone), today);
      return {
        id,
        type: 'cadence',
        contactId,
        contactName,
        circle: c.circle as Circle | null,
        title: `Keep in touch with ${c.name}`,
        reason: last ? `no contact for ${plural(silent, 'day')}, usually every ${every}` : `no conversation since you added them ${plural(silent, 'day')} ago, usually every ${every}`,
        date: c.next_due_on!,
        actions: ['log', 'done', 'snooze', 'draft'],
        draftPurpose: 'reconnect',
        eventName: null,
      };
    }
    case 'dormant': {
      const { c } = k;
      const last = lastDateIn(c, timeZone);
      return {
        id,
        type: 'dormant',
        contactId,
        contactName,
        circle: c.circle as Circle | null,
        title: `Reconnect with ${c.name}`,
        reason: last ? `once a strong tie, silent for ${plural(daysBetween(last, today), 'day')}` : 'once a strong tie, no one-to-one contact on record',
        date: last,
        actions: ['log', 'done', 'snooze', 'draft'],
        draftPurpose: 'reconnect',
        eventName: null,
      };
    }
    case 'new_contact': {
      const { c, n: added, metOn } = k;
      return {
        id,
        type: 'new_contact',
        contactId,
        contactName,
        circle: c.circle as Circle | null,
        title: `Follow up with ${c.name}`,
        reason: `${added === 0 ? 'met today' : `met ${plural(added, 'day')} ago`}${c.how_we_met ? ` (${c.how_we_met})` : ''}, no follow-up yet`,
        date: metOn,
        actions: ['log', 'done', 'snooze', 'draft'],
        draftPurpose: 'follow_up',
        eventName: null,
      };
    }
  }
}

export type TodayService = ReturnType<typeof todayService>;
