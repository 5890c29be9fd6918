import type { FollowUpCreateInput, FollowUpDto, FollowUpListQueryInput, FollowUpUpdateInput } from '../../../contracts/follow-ups';
import { nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { ownedContactIds } from '../contacts/contacts.repository';
import * as repo from './follow-ups.repository';

export function toFollowUpDto(row: repo.FollowUpRow): FollowUpDto {
  return {
    id: row.id,
    contactId: row.contact_id,
    contactName: row.contact_name,
    dueOn: row.due_on,
    reason: row.reason,
    done: row.done_at !== null,
    doneAt: row.done_at,
    snoozedUntil: row.snoozed_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Follow-ups: something to do for a contact by a date; "today" is the actor's own calendar day. */
export function followUpService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;

  async function get(actor: Actor, id: string): Promise<FollowUpDto> {
    const row = await repo.findFollowUp(db, actor.userId, id);
    if (!row) throw notFound('Follow-up');
    return toFollowUpDto(row);
  }

  return {
    get,

    async create(actor: Actor, input: FollowUpCreateInput): Promise<FollowUpDto> {
      const now = nowIso(clock);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        if ((await ownedContactIds(trx, actor.userId, [input.contactId])).size === 0) throw notFound('Contact');
        await repo.insertFollowUp(trx, {
          id,
          owner_id: actor.userId,
          contact_id: input.contactId,
          due_on: input.dueOn,
          reason: input.reason,
          done_at: null,
          snoozed_until: null,
          remind_on: input.dueOn,
          created_at: now,
          updated_at: now,
        });
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: FollowUpUpdateInput): Promise<FollowUpDto> {
      const now = nowIso(clock);
      await db.transaction().execute(async (trx) => {
        const current = await repo.findFollowUp(trx, actor.userId, id);
        if (!current) throw notFound('Follow-up');
        const dueOn = input.dueOn ?? current.due_on;
        const snoozedUntil = input.snoozedUntil !== undefined ? input.snoozedUntil : current.snoozed_until;
        await repo.updateFollowUp(trx, actor.userId, id, {
          due_on: dueOn,
          snoozed_until: snoozedUntil,
          remind_on: repo.remindOn(dueOn, snoozedUntil),
          ...(input.reason !== undefined && { reason: input.reason }),
          ...(input.done !== undefined && { done_at: input.done ? (current.done_at ?? now) : null }),
          updated_at: now,
        });
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      if (!(await repo.findFollowUp(db, actor.userId, id))) throw notFound('Follow-up');
      await repo.deleteFollowUp(db, actor.userId, id);
    },

    /**
     * due: open, and due (or back from a snooze) today or earlier, oldest first; upcoming: open and
     * later; open: both; done: most recently done first; all: by due date.
     */
    async list(actor: Actor, query: Partial<FollowUpListQueryInput> & { limit: number }): Promise<{ items: FollowUpDto[]; nextCursor: string | null }> {
      const status = query.status ?? 'open';
      const cursor = decodeCursor(query.cursor, 2);
      if (query.contactId && (await ownedContactIds(db, actor.userId, [query.contactId])).size === 0) throw notFound('Contact');
      const { column } = repo.orderOf[status];
      const rows = await repo.listFollowUps(
        db,
        { ownerId: actor.userId, status, today: todayIn(clock, actor.timezone), contactId: query.contactId },
        query.limit + 1,
        cursor && { key: String(cursor[0]), id: String(cursor[1]) },
      );
      const page = pageOf(rows, query.limit, (r) => [r[column] as string, r.id]);
      return { items: page.items.map(toFollowUpDto), nextCursor: page.nextCursor };
    },
  };
}

export type FollowUpService = ReturnType<typeof followUpService>;
