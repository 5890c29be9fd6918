import { DateTime } from 'luxon';
import type { CommunityCreateInput, CommunityDto, CommunityMemberDto, CommunityMembersAddInput, CommunityUpdateInput, ContributionCreateInput, ContributionDto } from '../../../contracts/communities';
import type { CommunityTable } from '../../db/schema';
import { addDays, nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { ownedContactIds } from '../contacts/contacts.repository';

const WEEKS = 12;
const mondayOf = (day: string) => DateTime.fromISO(day, { zone: 'UTC' }).startOf('week').toISODate()!;

/** Strategy 2: online communities, your contributions there, the members you know, a weekly goal. */
export function communityService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;

  async function find(actor: Actor, id: string): Promise<CommunityTable> {
    const row = await db.selectFrom('community').selectAll().where('id', '=', id).where('owner_id', '=', actor.userId).executeTakeFirst();
    if (!row) throw notFound('Community');
    return row;
  }

  /** Activity of the last 12 weeks (Monday starts, in your time zone), this week's count and the streak. */
  async function toDtos(actor: Actor, rows: CommunityTable[]): Promise<CommunityDto[]> {
    if (!rows.length) return [];
    const thisMonday = mondayOf(todayIn(clock, actor.timezone));
    const from = addDays(thisMonday, -7 * (WEEKS * 5)); // enough history for a long streak
    const ids = rows.map((r) => r.id);
    const [days, members, totals] = await Promise.all([
      db.selectFrom('community_contribution').select(['community_id', 'occurred_on']).where('owner_id', '=', actor.userId).where('community_id', 'in', ids).where('occurred_on', '>=', from).execute(),
      db.selectFrom('community_member').select(['community_id', (eb) => eb.fn.countAll<number>().as('n')]).where('owner_id', '=', actor.userId).where('community_id', 'in', ids).groupBy('community_id').execute(),
      db.selectFrom('community_contribution').select(['community_id', (eb) => eb.fn.countAll<number>().as('n')]).where('owner_id', '=', actor.userId).where('community_id', 'in', ids).groupBy('community_id').execute(),
    ]);
    return rows.map((r) => {
      const perWeek = new Map<string, number>();
      for (const d of days) if (d.community_id === r.id) perWeek.set(mondayOf(d.occurred_on), (perWeek.get(mondayOf(d.occurred_on)) ?? 0) + 1);
      const weeks = Array.from({ length: WEEKS }, (_, i) => {
        const weekStart = addDays(thisMonday, -7 * (WEEKS - 1 - i));
        return { weekStart, count: perWeek.get(weekStart) ?? 0 };
      });
      let streak = 0;
      if (r.weekly_goal) for (let w = addDays(thisMonday, -7); (perWeek.get(w) ?? 0) >= r.weekly_goal && w >= from; w = addDays(w, -7)) streak++;
      return {
        id: r.id,
        name: r.name,
        platform: r.platform,
        link: r.link,
        role: r.role as CommunityDto['role'],
        weeklyGoal: r.weekly_goal,
        notes: r.notes,
        thisWeek: perWeek.get(thisMonday) ?? 0,
        streak,
        weeks,
        members: Number(members.find((m) => m.community_id === r.id)?.n ?? 0),
        contributions: Number(totals.find((t) => t.community_id === r.id)?.n ?? 0),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    });
  }

  async function members(actor: Actor, id: string): Promise<{ items: CommunityMemberDto[] }> {
    await find(actor, id);
    const rows = await db
      .selectFrom('community_member as m')
      .innerJoin('contact as c', 'c.id', 'm.contact_id')
      .select(['m.contact_id', 'c.name', 'm.context', 'm.created_at'])
      .where('m.community_id', '=', id)
      .where('m.owner_id', '=', actor.userId)
      .orderBy('c.sort_name')
      .execute();
    return { items: rows.map((r) => ({ contactId: r.contact_id, contactName: r.name, context: r.context, addedAt: r.created_at })) };
  }

  const get = async (actor: Actor, id: string) => (await toDtos(actor, [await find(actor, id)]))[0]!;

  return {
    get,

    async create(actor: Actor, input: CommunityCreateInput): Promise<CommunityDto> {
      const now = nowIso(clock);
      const row: CommunityTable = { id: newId(), owner_id: actor.userId, name: input.name, platform: input.platform ?? null, link: input.link ?? null, role: input.role ?? 'member', weekly_goal: input.weeklyGoal ?? null, notes: input.notes ?? null, created_at: now, updated_at: now };
      await db.insertInto('community').values(row).execute();
      return get(actor, row.id);
    },

    async update(actor: Actor, id: string, input: CommunityUpdateInput): Promise<CommunityDto> {
      await find(actor, id);
      await db
        .updateTable('community')
        .set({
          ...(input.name !== undefined && { name: input.name }),
          ...(input.platform !== undefined && { platform: input.platform }),
          ...(input.link !== undefined && { link: input.link }),
          ...(input.role !== undefined && { role: input.role }),
          ...(input.weeklyGoal !== undefined && { weekly_goal: input.weeklyGoal }),
          ...(input.notes !== undefined && { notes: input.notes }),
          updated_at: nowIso(clock),
        })
        .where('id', '=', id)
        .where('owner_id', '=', actor.userId)
        .execute();
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await find(actor, id);
      await db.deleteFrom('community').where('id', '=', id).where('owner_id', '=', actor.userId).execute();
    },

    async list(actor: Actor): Promise<{ items: CommunityDto[] }> {
      const rows = await db.selectFrom('community').selectAll().where('owner_id', '=', actor.userId).orderBy('name').orderBy('id').limit(500).execute();
      return { items: await toDtos(actor, rows) };
    },

    async contributions(actor: Actor, id: string): Promise<{ items: ContributionDto[] }> {
      await find(actor, id);
      const rows = await db.selectFrom('community_contribution').selectAll().where('community_id', '=', id).where('owner_id', '=', actor.userId).orderBy('occurred_on', 'desc').orderBy('id', 'desc').limit(200).execute();
      return { items: rows.map((c) => ({ id: c.id, kind: c.kind as ContributionDto['kind'], title: c.title, link: c.link, occurredOn: c.occurred_on, createdAt: c.created_at })) };
    },

    async contribute(actor: Actor, id: string, input: ContributionCreateInput): Promise<ContributionDto> {
      await find(actor, id);
      const now = nowIso(clock);
      const row = { id: newId(), owner_id: actor.userId, community_id: id, kind: input.kind, title: input.title, link: input.link ?? null, occurred_on: input.occurredOn ?? todayIn(clock, actor.timezone), created_at: now };
      await db.insertInto('community_contribution').values(row).execute();
      await db.updateTable('community').set({ updated_at: now }).where('id', '=', id).where('owner_id', '=', actor.userId).execute();
      return { id: row.id, kind: input.kind, title: row.title, link: row.link, occurredOn: row.occurred_on, createdAt: now };
    },

    async removeContribution(actor: Actor, contributionId: string): Promise<void> {
      const result = await db.deleteFrom('community_contribution').where('id', '=', contributionId).where('owner_id', '=', actor.userId).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw notFound('Contribution');
    },

    members,

    /** Links contacts as members you know there; adding someone again replaces the line of context. */
    async addMembers(actor: Actor, id: string, input: CommunityMembersAddInput): Promise<{ items: CommunityMemberDto[] }> {
      const now = nowIso(clock);
      await db.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('community').select('id').where('id', '=', id).where('owner_id', '=', actor.userId).executeTakeFirst())) throw notFound('Community');
        const ids = input.members.map((m) => m.contactId);
        const owned = await ownedContactIds(trx, actor.userId, ids);
        if (ids.some((c) => !owned.has(c))) throw notFound('Contact');
        for (const m of input.members)
          await trx
            .insertInto('community_member')
            .values({ community_id: id, contact_id: m.contactId, owner_id: actor.userId, context: m.context ?? null, created_at: now })
            .onConflict((oc) => oc.columns(['community_id', 'contact_id']).doUpdateSet({ context: m.context ?? null }))
            .execute();
      });
      return members(actor, id);
    },

    async removeMembers(actor: Actor, id: string, contactIds: string[]): Promise<void> {
      await find(actor, id);
      await db.deleteFrom('community_member').where('community_id', '=', id).where('owner_id', '=', actor.userId).where('contact_id', 'in', contactIds).execute();
    },
  };
}

export type CommunityService = ReturnType<typeof communityService>;
