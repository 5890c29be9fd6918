import type { OrganizationCreateInput, OrganizationDto, OrganizationUpdateInput } from '../../../contracts/organizations';
import { nowIso } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { nameKey, uniqueNameCheck } from '../../platform/unique-name';
import { reindexContacts } from '../search/search.index';
import * as repo from './organizations.repository';

export function toOrganizationDto(row: repo.OrganizationRow): OrganizationDto {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    website: row.website,
    notes: row.notes,
    contactCount: Number(row.contact_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const ensureNameFree = uniqueNameCheck('an organization', repo.findIdByNameKey);

export function organizationService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;

  async function get(actor: Actor, id: string): Promise<OrganizationDto> {
    const row = await repo.findOrganization(db, actor.userId, id);
    if (!row) throw notFound('Organization');
    return toOrganizationDto(row);
  }

  return {
    get,

    async create(actor: Actor, input: OrganizationCreateInput): Promise<OrganizationDto> {
      const now = nowIso(clock);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await ensureNameFree(trx, actor.userId, input.name);
        await repo.insertOrganization(trx, {
          id,
          owner_id: actor.userId,
          name: input.name,
          name_key: nameKey(input.name),
          domain: input.domain?.toLowerCase() ?? null,
          website: input.website ?? null,
          notes: input.notes ?? null,
          created_at: now,
          updated_at: now,
        });
      });
      return get(actor, id);
    },

    /** A rename reaches the search documents of its people in the same transaction. */
    async update(actor: Actor, id: string, input: OrganizationUpdateInput): Promise<OrganizationDto> {
      await db.transaction().execute(async (trx) => {
        const current = await repo.findOrganization(trx, actor.userId, id);
        if (!current) throw notFound('Organization');
        const renamed = input.name !== undefined && input.name !== current.name;
        if (renamed) await ensureNameFree(trx, actor.userId, input.name!, id);
        await repo.updateOrganization(trx, actor.userId, id, {
          ...(input.name !== undefined && { name: input.name, name_key: nameKey(input.name) }),
          ...(input.domain !== undefined && { domain: input.domain?.toLowerCase() ?? null }),
          ...(input.website !== undefined && { website: input.website }),
          ...(input.notes !== undefined && { notes: input.notes }),
          updated_at: nowIso(clock),
        });
        if (renamed) await reindexContacts(trx, dialect, actor.userId, await repo.memberIds(trx, actor.userId, id));
      });
      return get(actor, id);
    },

    /** Its contacts stay; they just no longer name an organization. */
    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.findOrganization(trx, actor.userId, id))) throw notFound('Organization');
        const members = await repo.memberIds(trx, actor.userId, id);
        await repo.deleteOrganization(trx, actor.userId, id);
        await reindexContacts(trx, dialect, actor.userId, members);
      });
    },

    async list(actor: Actor, query: { q?: string; limit: number; cursor?: string }): Promise<{ items: OrganizationDto[]; nextCursor: string | null }> {
      const cursor = decodeCursor(query.cursor, 2);
      const rows = await repo.listOrganizations(db, actor.userId, query.limit + 1, query.q ? nameKey(query.q) : undefined, cursor && { key: String(cursor[0]), id: String(cursor[1]) });
      const page = pageOf(rows, query.limit, (r) => [r.name_key, r.id]);
      return { items: page.items.map(toOrganizationDto), nextCursor: page.nextCursor };
    },
  };
}

export type OrganizationService = ReturnType<typeof organizationService>;
