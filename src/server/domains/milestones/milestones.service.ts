import type { MilestoneCreateInput, MilestoneDto, MilestoneKind, MilestoneOccurrenceDto, MilestoneUpdateInput } from '../../../contracts/relationships';
import { addDays, nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { ownedContactIds } from '../contacts/contacts.repository';
import * as repo from './milestones.repository';

export const defaultTitles: Record<MilestoneKind, string> = {
  birthday: 'Birthday',
  work_anniversary: 'Work anniversary',
  new_role: 'New role',
  launch: 'Launch',
  publication: 'Publication',
  custom: 'Milestone',
};

const yearlyByDefault = new Set<MilestoneKind>(['birthday', 'work_anniversary']);

/** The next occurrence on or after `today` (within a year), or null for a one-off that has passed. */
export function nextOccurrence(onDate: string, recurrence: string, today: string): string | null {
  return repo.occurrencesBetween(onDate, recurrence, today, addDays(today, 366))[0]?.date ?? null;
}

export function toMilestoneDto(row: repo.MilestoneRow, today: string): MilestoneDto {
  return {
    id: row.id,
    contactId: row.contact_id,
    contactName: row.contact_name,
    kind: row.kind as MilestoneKind,
    title: row.title,
    onDate: row.on_date,
    recurrence: row.recurrence as MilestoneDto['recurrence'],
    remindDaysBefore: row.remind_days_before,
    notes: row.notes,
    nextOn: nextOccurrence(row.on_date, row.recurrence, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkRecurrence(onDate: string, recurrence: string) {
  if (recurrence === 'once' && onDate.startsWith('--')) throw invalid('onDate', 'a one-off milestone needs a year (YYYY-MM-DD)');
}

/** Milestones and celebrations: birthdays, anniversaries, new roles, launches, publications. */
export function milestoneService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;

  async function get(actor: Actor, id: string): Promise<MilestoneDto> {
    const row = await repo.findMilestone(db, actor.userId, id);
    if (!row) throw notFound('Milestone');
    return toMilestoneDto(row, todayIn(clock, actor.timezone));
  }

  return {
    get,

    async create(actor: Actor, input: MilestoneCreateInput): Promise<MilestoneDto> {
      const recurrence = input.recurrence ?? (yearlyByDefault.has(input.kind) ? 'yearly' : 'once');
      checkRecurrence(input.onDate, recurrence);
      const now = nowIso(clock);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        if ((await ownedContactIds(trx, actor.userId, [input.contactId])).size === 0) throw notFound('Contact');
        await repo.insertMilestone(trx, {
          id,
          owner_id: actor.userId,
          contact_id: input.contactId,
          kind: input.kind,
          title: input.title ?? defaultTitles[input.kind],
          on_date: input.onDate,
          month_day: repo.monthDayOf(input.onDate),
          recurrence,
          remind_days_before: input.remindDaysBefore,
          notes: input.notes ?? null,
          dismissed_through: null,
          created_at: now,
          updated_at: now,
        });
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: MilestoneUpdateInput): Promise<MilestoneDto> {
      await db.transaction().execute(async (trx) => {
        const current = await repo.findMilestone(trx, actor.userId, id);
        if (!current) throw notFound('Milestone');
        const onDate = input.onDate ?? current.on_date;
        const recurrence = input.recurrence ?? current.recurrence;
        checkRecurrence(onDate, recurrence);
        await repo.updateMilestone(trx, actor.userId, id, {
          ...(input.kind !== undefined && { kind: input.kind }),
          ...(input.title !== undefined && { title: input.title }),
          ...(input.remindDaysBefore !== undefined && { remind_days_before: input.remindDaysBefore }),
          ...(input.notes !== undefined && { notes: input.notes }),
          on_date: onDate,
          month_day: repo.monthDayOf(onDate),
          recurrence,
          updated_at: nowIso(clock),
        });
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      if (!(await repo.findMilestone(db, actor.userId, id))) throw notFound('Milestone');
      await repo.deleteMilestone(db, actor.userId, id);
    },

    async list(actor: Actor, query: { contactId?: string }): Promise<{ items: MilestoneDto[] }> {
      if (query.contactId && (await ownedContactIds(db, actor.userId, [query.contactId])).size === 0) throw notFound('Contact');
      const today = todayIn(clock, actor.timezone);
      return { items: (await repo.listMilestones(db, actor.userId, query.contactId)).map((r) => toMilestoneDto(r, today)) };
    },

    /** Milestones and birthdays in the next `days` days (today included, your time zone), soonest first. */
    async upcoming(actor: Actor, days: number): Promise<{ items: MilestoneOccurrenceDto[] }> {
      const today = todayIn(clock, actor.timezone);
      const found = await repo.listMilestoneOccurrences(db, actor.userId, today, addDays(today, days - 1));
      return {
        items: found.map((o) => ({
          id: o.id,
          milestoneId: o.milestoneId,
          contactId: o.contactId,
          contactName: o.contactName,
          kind: o.kind as MilestoneKind,
          title: o.title,
          date: o.date,
          years: o.years,
        })),
      };
    },
  };
}

export type MilestoneService = ReturnType<typeof milestoneService>;
