import type { InteractionCreateInput, InteractionDto, InteractionUpdateInput } from '../../../contracts/interactions';
import { nowIso } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { refreshDerived } from '../contacts/contacts.derived';
import { ownedContactIds } from '../contacts/contacts.repository';
import { indexInteractions, removeSearchDocs } from '../search/search.index';
import * as repo from './interactions.repository';

export function toInteractionDto(row: repo.InteractionRow, contactIds: string[]): InteractionDto {
  return {
    id: row.id,
    contactIds,
    kind: row.kind as InteractionDto['kind'],
    occurredAt: row.occurred_at,
    summary: row.summary,
    notes: row.notes,
    durationMinutes: row.duration_minutes,
    initiatedBy: row.initiated_by as InteractionDto['initiatedBy'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One spelling of an instant on both dialects, so that text comparison on SQLite orders correctly. */
const canonicalInstant = (iso: string) => new Date(iso).toISOString();

export function interactionService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;

  async function withParticipants(rows: repo.InteractionRow[]): Promise<InteractionDto[]> {
    const participants = await repo.participantsOf(db, rows.map((r) => r.id));
    return rows.map((r) => toInteractionDto(r, participants.get(r.id) ?? []));
  }

  /** Every contact must be the actor's own; someone else's id is "not found", like a missing one. */
  async function checkContacts(trx: typeof db, actor: Actor, contactIds: string[]) {
    const owned = await ownedContactIds(trx, actor.userId, contactIds);
    if (owned.size !== contactIds.length) throw notFound('Contact');
  }

  async function get(actor: Actor, id: string): Promise<InteractionDto> {
    const row = await repo.findInteraction(db, actor.userId, id);
    if (!row) throw notFound('Interaction');
    return (await withParticipants([row]))[0]!;
  }

  return {
    get,

    async create(actor: Actor, input: InteractionCreateInput): Promise<InteractionDto> {
      const now = nowIso(clock);
      const row: repo.InteractionRow = {
        id: newId(),
        owner_id: actor.userId,
        kind: input.kind,
        occurred_at: canonicalInstant(input.occurredAt),
        duration_minutes: input.durationMinutes ?? null,
        initiated_by: input.initiatedBy ?? null,
        summary: input.summary,
        notes: input.notes ?? null,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (trx) => {
        await checkContacts(trx, actor, input.contactIds);
        await repo.insertInteraction(trx, row, input.contactIds);
        await refreshDerived(trx, actor.userId, input.contactIds, actor.timezone, clock.now());
        await indexInteractions(trx, dialect, actor.userId, [row]);
      });
      return toInteractionDto(row, input.contactIds);
    },

    async update(actor: Actor, id: string, input: InteractionUpdateInput): Promise<InteractionDto> {
      await db.transaction().execute(async (trx) => {
        const current = await repo.findInteraction(trx, actor.userId, id);
        if (!current) throw notFound('Interaction');
        const before = (await repo.participantsOf(trx, [id])).get(id) ?? [];
        if (input.contactIds) await checkContacts(trx, actor, input.contactIds);
        const values: Partial<repo.InteractionRow> = { updated_at: nowIso(clock) };
        if (input.kind !== undefined) values.kind = input.kind;
        if (input.occurredAt !== undefined) values.occurred_at = canonicalInstant(input.occurredAt);
        if (input.summary !== undefined) values.summary = input.summary;
        if (input.notes !== undefined) values.notes = input.notes;
        if (input.durationMinutes !== undefined) values.duration_minutes = input.durationMinutes;
        if (input.initiatedBy !== undefined) values.initiated_by = input.initiatedBy;
        await repo.updateInteraction(trx, actor.userId, id, values);
        const updated = { ...current, ...values };
        const after = input.contactIds ?? before;
        // The denormalized occurred_at, kind and initiator of the participants must follow the interaction,
        // and so must their derived facts (the kind decides what is meaningful, the initiator reciprocity).
        const moved = input.contactIds || values.occurred_at || values.kind !== undefined || values.initiated_by !== undefined;
        if (moved) await repo.setParticipants(trx, updated, after);
        if (moved) await refreshDerived(trx, actor.userId, [...new Set([...before, ...after])], actor.timezone, clock.now());
        if (values.summary !== undefined || values.notes !== undefined) await indexInteractions(trx, dialect, actor.userId, [updated]);
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.findInteraction(trx, actor.userId, id))) throw notFound('Interaction');
        const participants = (await repo.participantsOf(trx, [id])).get(id) ?? [];
        await repo.deleteInteraction(trx, actor.userId, id);
        await refreshDerived(trx, actor.userId, participants, actor.timezone, clock.now());
        await removeSearchDocs(trx, dialect, [id]);
      });
    },

    /** A contact's timeline, newest first. */
    async listForContact(actor: Actor, contactId: string, query: { limit: number; cursor?: string }): Promise<{ items: InteractionDto[]; nextCursor: string | null }> {
      const cursor = decodeCursor(query.cursor, 2);
      const found = await repo.contactTimeline(db, actor.userId, contactId, query.limit + 1, cursor && { occurredAt: String(cursor[0]), id: String(cursor[1]) });
      if (!found) throw notFound('Contact');
      const page = pageOf(found.rows, query.limit, (r) => [r.occurred_at, r.id]);
      const { participants } = found;
      return { items: participants ? page.items.map((r) => toInteractionDto(r, participants.get(r.id) ?? [])) : await withParticipants(page.items), nextCursor: page.nextCursor };
    },
  };
}

export type InteractionService = ReturnType<typeof interactionService>;
