import type { NoteCreateInput, NoteDto, NoteUpdateInput } from '../../../contracts/notes';
import { nowIso } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { ownedContactIds } from '../contacts/contacts.repository';
import { reindexContacts } from '../search/search.index';
import * as repo from './notes.repository';

export function toNoteDto(row: repo.NoteRow): NoteDto {
  return { id: row.id, contactId: row.contact_id, body: row.body, pinned: Boolean(row.pinned), createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Notes are markdown on a contact; their text is part of the contact's search document. */
export function noteService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;

  async function get(actor: Actor, id: string): Promise<NoteDto> {
    const row = await repo.findNote(db, actor.userId, id);
    if (!row) throw notFound('Note');
    return toNoteDto(row);
  }

  return {
    get,

    async create(actor: Actor, contactId: string, input: NoteCreateInput): Promise<NoteDto> {
      const now = nowIso(clock);
      const row: repo.NoteRow = { id: newId(), owner_id: actor.userId, contact_id: contactId, body: input.body, pinned: input.pinned ?? false, created_at: now, updated_at: now };
      await db.transaction().execute(async (trx) => {
        if ((await ownedContactIds(trx, actor.userId, [contactId])).size === 0) throw notFound('Contact');
        await repo.insertNote(trx, row);
        await reindexContacts(trx, dialect, actor.userId, [contactId]);
      });
      return toNoteDto(row);
    },

    async update(actor: Actor, id: string, input: NoteUpdateInput): Promise<NoteDto> {
      await db.transaction().execute(async (trx) => {
        const current = await repo.findNote(trx, actor.userId, id);
        if (!current) throw notFound('Note');
        const values: Partial<repo.NoteRow> = { updated_at: nowIso(clock) };
        if (input.body !== undefined) values.body = input.body;
        if (input.pinned !== undefined) values.pinned = input.pinned;
        await repo.updateNote(trx, actor.userId, id, values);
        if (input.body !== undefined) await reindexContacts(trx, dialect, actor.userId, [current.contact_id]);
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const current = await repo.findNote(trx, actor.userId, id);
        if (!current) throw notFound('Note');
        await repo.deleteNote(trx, actor.userId, id);
        await reindexContacts(trx, dialect, actor.userId, [current.contact_id]);
      });
    },

    /** Pinned first, then newest first. */
    async list(actor: Actor, contactId: string, query: { limit: number; cursor?: string }): Promise<{ items: NoteDto[]; nextCursor: string | null }> {
      const cursor = decodeCursor(query.cursor, 3);
      if ((await ownedContactIds(db, actor.userId, [contactId])).size === 0) throw notFound('Contact');
      const rows = await repo.listNotes(db, actor.userId, contactId, query.limit + 1, cursor && { pinned: cursor[0] === 1, createdAt: String(cursor[1]), id: String(cursor[2]) });
      const page = pageOf(rows, query.limit, (r) => [Number(r.pinned), r.created_at, r.id]);
      return { items: page.items.map(toNoteDto), nextCursor: page.nextCursor };
    },
  };
}

export type NoteService = ReturnType<typeof noteService>;
