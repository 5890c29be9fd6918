import type { TagContactsInput, TagCreateInput, TagDto, TagUpdateInput } from '../../../contracts/tags';
import { nowIso } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { nameKey, uniqueNameCheck } from '../../platform/unique-name';
import { ownedContactIds } from '../contacts/contacts.repository';
import { reindexContacts } from '../search/search.index';
import * as repo from './tags.repository';

export function toTagDto(row: repo.TagRow): TagDto {
  return { id: row.id, name: row.name, color: row.color, contactCount: Number(row.contact_count), createdAt: row.created_at, updatedAt: row.updated_at };
}

const ensureNameFree = uniqueNameCheck('a tag', repo.findIdByNameKey);

/** Tags are found by name in search, so every change to who carries one reindexes those contacts. */
export function tagService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;

  async function get(actor: Actor, id: string): Promise<TagDto> {
    const row = await repo.findTag(db, actor.userId, id);
    if (!row) throw notFound('Tag');
    return toTagDto(row);
  }

  /** Adds or removes the tag on many contacts at once; every contact must be the actor's. */
  async function retag(actor: Actor, id: string, input: TagContactsInput, change: 'add' | 'remove'): Promise<TagDto> {
    const contactIds = [...new Set(input.contactIds)];
    await db.transaction().execute(async (trx) => {
      if (!(await repo.findTag(trx, actor.userId, id))) throw notFound('Tag');
      if ((await ownedContactIds(trx, actor.userId, contactIds)).size !== contactIds.length) throw notFound('Contact');
      if (change === 'add') await repo.addTag(trx, actor.userId, id, contactIds);
      else await repo.removeTag(trx, id, contactIds);
      await reindexContacts(trx, dialect, actor.userId, contactIds);
    });
    return get(actor, id);
  }

  return {
    get,

    async create(actor: Actor, input: TagCreateInput): Promise<TagDto> {
      const now = nowIso(clock);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await ensureNameFree(trx, actor.userId, input.name);
        await repo.insertTag(trx, { id, owner_id: actor.userId, name: input.name, name_key: nameKey(input.name), color: input.color?.toLowerCase() ?? null, created_at: now, updated_at: now });
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: TagUpdateInput): Promise<TagDto> {
      await db.transaction().execute(async (trx) => {
        const current = await repo.findTag(trx, actor.userId, id);
        if (!current) throw notFound('Tag');
        const renamed = input.name !== undefined && input.name !== current.name;
        if (renamed) await ensureNameFree(trx, actor.userId, input.name!, id);
        await repo.updateTag(trx, actor.userId, id, {
          ...(input.name !== undefined && { name: input.name, name_key: nameKey(input.name) }),
          ...(input.color !== undefined && { color: input.color?.toLowerCase() ?? null }),
          updated_at: nowIso(clock),
        });
        if (renamed) await reindexContacts(trx, dialect, actor.userId, await repo.taggedContactIds(trx, id));
      });
      return get(actor, id);
    },

    /** Removes the tag from every contact; the contacts stay. */
    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.findTag(trx, actor.userId, id))) throw notFound('Tag');
        const tagged = await repo.taggedContactIds(trx, id);
        await repo.deleteTag(trx, actor.userId, id);
        await reindexContacts(trx, dialect, actor.userId, tagged);
      });
    },

    tagContacts: (actor: Actor, id: string, input: TagContactsInput) => retag(actor, id, input, 'add'),
    untagContacts: (actor: Actor, id: string, input: TagContactsInput) => retag(actor, id, input, 'remove'),

    async list(actor: Actor, query: { limit: number; cursor?: string }): Promise<{ items: TagDto[]; nextCursor: string | null }> {
      const cursor = decodeCursor(query.cursor, 2);
      const rows = await repo.listTags(db, actor.userId, query.limit + 1, cursor && { key: String(cursor[0]), id: String(cursor[1]) });
      const page = pageOf(rows, query.limit, (r) => [r.name_key, r.id]);
      return { items: page.items.map(toTagDto), nextCursor: page.nextCursor };
    },
  };
}

export type TagService = ReturnType<typeof tagService>;
