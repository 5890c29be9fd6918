import type {
  MentorCandidateDto,
  MentorshipActionCreateInput,
  MentorshipActionDto,
  MentorshipActionUpdateInput,
  MentorshipCreateInput,
  MentorshipDto,
  MentorshipGoalCreateInput,
  MentorshipGoalDto,
  MentorshipGoalUpdateInput,
  MentorshipListQueryInput,
  MentorshipRole,
  MentorshipSessionCreateInput,
  MentorshipSessionDto,
  MentorshipUpdateInput,
} from '../../../contracts/mentorships';
import type { DB, MentorshipGoalTable } from '../../db/schema';
import type { Kysely } from 'kysely';
import { addDays, dateIn, nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { contactService } from '../contacts/contacts.service';
import { refreshDerived } from '../contacts/contacts.derived';
import { ownedContactIds } from '../contacts/contacts.repository';
import { insertFollowUp, remindOn } from '../follow-ups/follow-ups.repository';
import { insertInteraction } from '../interactions/interactions.repository';
import { indexInteractions } from '../search/search.index';
import * as repo from './mentorships.repository';

const goalDto = (g: MentorshipGoalTable): MentorshipGoalDto => ({ id: g.id, title: g.title, status: g.status as MentorshipGoalDto['status'], createdAt: g.created_at, updatedAt: g.updated_at });
const actionDto = (a: repo.ActionRow): MentorshipActionDto => ({ id: a.id, title: a.title, dueOn: a.due_on, done: a.done_at !== null, followUpId: a.follow_up_id, createdAt: a.created_at });

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** The built-in request to someone you would like as a mentor. */
export function mentorRequest(name: string, about: string | null): string {
  return `Hi ${firstName(name)}, I have long admired your work${about ? ` on ${about}` : ''}. I am working on growing in this area and would value your perspective. Would you be open to a short chat once a month as an informal mentor? I will come prepared and keep it to 30 minutes.`;
}

/** Strategy 4: mentorships (you as mentor or mentee), goals, sessions, action items and the session cadence. */
export function mentorshipService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;
  const contacts = contactService(deps);

  async function toDtos(actor: Actor, rows: repo.MentorshipRow[]): Promise<MentorshipDto[]> {
    const ids = rows.map((r) => r.id);
    const [goals, actions, last] = await Promise.all([repo.goalsOf(db, actor.userId, ids), repo.actionsOf(db, actor.userId, ids), repo.lastSessions(db, actor.userId, rows.map((r) => r.contact_id))]);
    return rows.map((r) => ({
      id: r.id,
      contactId: r.contact_id,
      contactName: r.contact_name,
      role: r.role as MentorshipRole,
      status: r.status as MentorshipDto['status'],
      focus: r.focus,
      cadenceDays: r.cadence_days,
      startedOn: r.started_on,
      nextSessionOn: r.next_done_at === null ? r.next_due_on : null,
      lastSessionAt: last.get(r.contact_id) ?? null,
      notes: r.notes,
      goals: goals.filter((g) => g.mentorship_id === r.id).map(goalDto),
      actions: actions.filter((a) => a.mentorship_id === r.id).map(actionDto),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function get(actor: Actor, id: string): Promise<MentorshipDto> {
    const row = await repo.findMentorship(db, actor.userId, id);
    if (!row) throw notFound('Mentorship');
    return (await toDtos(actor, [row]))[0]!;
  }

  const sessionReason = (m: { role: string; contact_name: string; focus: string }) =>
    `Next mentorship session with ${m.contact_name} (${m.role === 'mentor' ? 'you mentor them' : 'your mentor'}): ${m.focus}`.slice(0, 500);

  /**
   * Keeps the next-session follow-up in step: due `cadence` days after `from` while the mentorship is
   * active and has a cadence; closed (done) otherwise. One follow-up is reused, so the agenda shows one.
   */
  async function scheduleNext(trx: Kysely<DB>, actor: Actor, m: repo.MentorshipRow & { status: string; cadence_days: number | null }, from: string, now: string) {
    const open = m.next_session_follow_up_id && m.next_done_at === null && m.next_due_on !== null;
    if (m.status !== 'active' || !m.cadence_days) {
      if (open) await trx.updateTable('follow_up').set({ done_at: now, updated_at: now }).where('id', '=', m.next_session_follow_up_id!).where('owner_id', '=', actor.userId).execute();
      return;
    }
    const dueOn = addDays(from, m.cadence_days);
    if (open) {
      await trx
        .updateTable('follow_up')
        .set({ due_on: dueOn, remind_on: remindOn(dueOn, null), snoozed_until: null, reason: sessionReason(m), updated_at: now })
        .where('id', '=', m.next_session_follow_up_id!)
        .where('owner_id', '=', actor.userId)
        .execute();
      return;
    }
    const id = newId();
    await insertFollowUp(trx, { id, owner_id: actor.userId, contact_id: m.contact_id, due_on: dueOn, reason: sessionReason(m), done_at: null, snoozed_until: null, remind_on: dueOn, created_at: now, updated_at: now });
    await repo.updateMentorship(trx, actor.userId, m.id, { next_session_follow_up_id: id });
  }

  async function owned(actor: Actor, id: string, trx: Kysely<DB> = db): Promise<repo.MentorshipRow> {
    const row = await repo.findMentorship(trx, actor.userId, id);
    if (!row) throw notFound('Mentorship');
    return row;
  }

  return {
    get,

    async create(actor: Actor, input: MentorshipCreateInput): Promise<MentorshipDto> {
      const now = nowIso(clock);
      const id = newId();
      const today = todayIn(clock, actor.timezone);
      await db.transaction().execute(async (trx) => {
        if ((await ownedContactIds(trx, actor.userId, [input.contactId])).size === 0) throw notFound('Contact');
        await repo.insertMentorship(trx, {
          id,
          owner_id: actor.userId,
          contact_id: input.contactId,
          role: input.role,
          status: 'active',
          focus: input.focus,
          cadence_days: input.cadenceDays ?? null,
          started_on: input.startedOn ?? today,
          next_session_follow_up_id: null,
          notes: input.notes ?? null,
          created_at: now,
          updated_at: now,
        });
        await scheduleNext(trx, actor, await owned(actor, id, trx), today, now);
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: MentorshipUpdateInput): Promise<MentorshipDto> {
      const now = nowIso(clock);
      await db.transaction().execute(async (trx) => {
        const current = await owned(actor, id, trx);
        const values = {
          ...(input.role !== undefined && { role: input.role }),
          ...(input.status !== undefined && { status: input.status }),
          ...(input.focus !== undefined && { focus: input.focus }),
          ...(input.cadenceDays !== undefined && { cadence_days: input.cadenceDays }),
          ...(input.notes !== undefined && { notes: input.notes }),
          updated_at: now,
        };
        await repo.updateMentorship(trx, actor.userId, id, values);
        if (input.status !== undefined || input.cadenceDays !== undefined || input.focus !== undefined || input.role !== undefined) {
          const last = (await repo.lastSessions(trx, actor.userId, [current.contact_id])).get(current.contact_id);
          const from = last ? dateIn(last, actor.timezone) : todayIn(clock, actor.timezone);
          await scheduleNext(trx, actor, { ...current, ...values }, from, now);
        }
      });
      return get(actor, id);
    },

    /** Deletes the mentorship with its goals and action items; sessions stay on the contact's timeline. */
    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const current = await owned(actor, id, trx);
        const actions = await repo.actionsOf(trx, actor.userId, [id]);
        const open = [...actions.filter((a) => a.follow_up_id && a.done_at === null).map((a) => a.follow_up_id!), ...(current.next_session_follow_up_id && current.next_done_at === null ? [current.next_session_follow_up_id] : [])];
        if (open.length) await trx.deleteFrom('follow_up').where('owner_id', '=', actor.userId).where('id', 'in', open).execute();
        await repo.deleteMentorship(trx, actor.userId, id);
      });
    },

    async list(actor: Actor, query: Partial<MentorshipListQueryInput> & { limit: number }): Promise<{ items: MentorshipDto[]; nextCursor: string | null }> {
      const cursor = decodeCursor(query.cursor, 2);
      const rows = await repo.listMentorships(db, { ownerId: actor.userId, status: query.status, role: query.role }, query.limit + 1, cursor && { key: String(cursor[0]), id: String(cursor[1]) });
      const page = pageOf(rows, query.limit, (r) => [r.updated_at, r.id]);
      return { items: await toDtos(actor, page.items), nextCursor: page.nextCursor };
    },

    async addGoal(actor: Actor, id: string, input: MentorshipGoalCreateInput): Promise<MentorshipGoalDto> {
      await owned(actor, id);
      const now = nowIso(clock);
      const row: MentorshipGoalTable = { id: newId(), owner_id: actor.userId, mentorship_id: id, title: input.title, status: 'open', created_at: now, updated_at: now };
      await db.insertInto('mentorship_goal').values(row).execute();
      await repo.updateMentorship(db, actor.userId, id, { updated_at: now });
      return goalDto(row);
    },

    async updateGoal(actor: Actor, goalId: string, input: MentorshipGoalUpdateInput): Promise<MentorshipGoalDto> {
      const current = await repo.findGoal(db, actor.userId, goalId);
      if (!current) throw notFound('Goal');
      const values = { ...(input.title !== undefined && { title: input.title }), ...(input.status !== undefined && { status: input.status }), updated_at: nowIso(clock) };
      await db.updateTable('mentorship_goal').set(values).where('id', '=', goalId).where('owner_id', '=', actor.userId).execute();
      return goalDto({ ...current, ...values });
    },

    async removeGoal(actor: Actor, goalId: string): Promise<void> {
      if (!(await repo.findGoal(db, actor.userId, goalId))) throw notFound('Goal');
      await db.deleteFrom('mentorship_goal').where('id', '=', goalId).where('owner_id', '=', actor.userId).execute();
    },

    /** An action item is a follow-up ("Mentorship with NAME: title") due on its date: it joins the agenda. */
    async addAction(actor: Actor, id: string, input: MentorshipActionCreateInput): Promise<MentorshipActionDto> {
      const now = nowIso(clock);
      const actionId = newId();
      await db.transaction().execute(async (trx) => {
        const m = await owned(actor, id, trx);
        const followUpId = newId();
        await insertFollowUp(trx, { id: followUpId, owner_id: actor.userId, contact_id: m.contact_id, due_on: input.dueOn, reason: `Mentorship with ${m.contact_name}: ${input.title}`.slice(0, 500), done_at: null, snoozed_until: null, remind_on: input.dueOn, created_at: now, updated_at: now });
        await trx.insertInto('mentorship_action').values({ id: actionId, owner_id: actor.userId, mentorship_id: id, title: input.title, follow_up_id: followUpId, created_at: now, updated_at: now }).execute();
        await repo.updateMentorship(trx, actor.userId, id, { updated_at: now });
      });
      return actionDto((await repo.findAction(db, actor.userId, actionId))!);
    },

    async updateAction(actor: Actor, actionId: string, input: MentorshipActionUpdateInput): Promise<MentorshipActionDto> {
      const now = nowIso(clock);
      await db.transaction().execute(async (trx) => {
        const current = await repo.findAction(trx, actor.userId, actionId);
        if (!current) throw notFound('Action item');
        if (input.title !== undefined) await trx.updateTable('mentorship_action').set({ title: input.title, updated_at: now }).where('id', '=', actionId).where('owner_id', '=', actor.userId).execute();
        if (current.follow_up_id && (input.dueOn !== undefined || input.done !== undefined || input.title !== undefined)) {
          const m = await repo.findMentorship(trx, actor.userId, current.mentorship_id);
          await trx
            .updateTable('follow_up')
            .set({
              ...(input.dueOn !== undefined && { due_on: input.dueOn, remind_on: input.dueOn, snoozed_until: null }),
              ...(input.done !== undefined && { done_at: input.done ? (current.done_at ?? now) : null }),
              ...(input.title !== undefined && m && { reason: `Mentorship with ${m.contact_name}: ${input.title}`.slice(0, 500) }),
              updated_at: now,
            })
            .where('id', '=', current.follow_up_id)
            .where('owner_id', '=', actor.userId)
            .execute();
        }
      });
      return actionDto((await repo.findAction(db, actor.userId, actionId))!);
    },

    async removeAction(actor: Actor, actionId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const current = await repo.findAction(trx, actor.userId, actionId);
        if (!current) throw notFound('Action item');
        await trx.deleteFrom('mentorship_action').where('id', '=', actionId).where('owner_id', '=', actor.userId).execute();
        if (current.follow_up_id && current.done_at === null) await trx.deleteFrom('follow_up').where('id', '=', current.follow_up_id).where('owner_id', '=', actor.userId).execute();
      });
    },

    async sessions(actor: Actor, id: string): Promise<{ items: MentorshipSessionDto[] }> {
      const m = await owned(actor, id);
      const rows = await repo.sessionsWith(db, actor.userId, m.contact_id, 100);
      return { items: rows.map((r) => ({ id: r.id, occurredAt: r.occurred_at, summary: r.summary, notes: r.notes, durationMinutes: r.duration_minutes })) };
    },

    /** Logs a session (an interaction of kind mentorship_session) and moves the next-session follow-up on. */
    async logSession(actor: Actor, id: string, input: MentorshipSessionCreateInput): Promise<MentorshipSessionDto> {
      const now = nowIso(clock);
      const occurredAt = new Date(input.occurredAt).toISOString();
      const interaction = {
        id: newId(),
        owner_id: actor.userId,
        kind: 'mentorship_session',
        occurred_at: occurredAt,
        duration_minutes: input.durationMinutes ?? null,
        initiated_by: 'mutual',
        summary: input.summary,
        notes: input.notes ?? null,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (trx) => {
        const m = await owned(actor, id, trx);
        await insertInteraction(trx, interaction, [m.contact_id]);
        await refreshDerived(trx, actor.userId, [m.contact_id], actor.timezone, clock.now());
        await indexInteractions(trx, dialect, actor.userId, [interaction]);
        const last = (await repo.lastSessions(trx, actor.userId, [m.contact_id])).get(m.contact_id) ?? occurredAt;
        await scheduleNext(trx, actor, m, dateIn(last, actor.timezone), now);
        await repo.updateMentorship(trx, actor.userId, id, { updated_at: now });
      });
      return { id: interaction.id, occurredAt, summary: interaction.summary, notes: interaction.notes, durationMinutes: interaction.duration_minutes };
    },

    /** "Find a mentor": your contacts with an expertise tag, strongest relationship first, with a request to send. */
    async candidates(actor: Actor, query: { tag?: string; limit: number }): Promise<{ items: MentorCandidateDto[] }> {
      const page = await contacts.list(actor, { tag: query.tag, archived: false, sort: 'name', limit: 200 });
      const sorted = [...page.items].sort((a, b) => (b.strength?.score ?? 0) - (a.strength?.score ?? 0) || a.name.localeCompare(b.name));
      return {
        items: sorted.slice(0, query.limit).map((c) => ({
          contactId: c.id,
          name: c.name,
          headline: c.headline ?? c.title,
          tags: c.tags,
          strength: c.strength ?? null,
          requestMessage: mentorRequest(c.name, query.tag ? query.tag.replace(/[-_]/g, ' ') : c.headline),
        })),
      };
    },
  };
}

export type MentorshipService = ReturnType<typeof mentorshipService>;
