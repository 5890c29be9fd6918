import type { Kysely } from 'kysely';
import type { ContentPostCreateInput, ContentPostDto, ContentPostUpdateInput, ContentStatus, EngagementCreateInput, EngagementDto } from '../../../contracts/social';
import type { ContentPostTable, DB } from '../../db/schema';
import { nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { refreshDerived } from '../contacts/contacts.derived';
import { ownedContactIds } from '../contacts/contacts.repository';
import { insertInteraction } from '../interactions/interactions.repository';
import { indexInteractions, removeSearchDocs } from '../search/search.index';

const actionWords: Record<EngagementDto['action'], string> = { commented: 'Commented', shared: 'Shared their post', reacted: 'Reacted', messaged: 'Messaged', endorsed: 'Endorsed' };

/** Strategy 3: the engagement log (light interactions) and the content plan of your own posts. */
export function socialService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;

  async function engagementRows(ownerId: string, filter: { id?: string; contactId?: string }, limit: number) {
    let q = db
      .selectFrom('engagement as e')
      .innerJoin('interaction as i', 'i.id', 'e.interaction_id')
      .innerJoin('contact as c', 'c.id', 'e.contact_id')
      .select(['e.id', 'e.contact_id', 'c.name', 'e.action', 'e.platform', 'e.link', 'i.summary', 'i.occurred_at', 'e.interaction_id'])
      .where('e.owner_id', '=', ownerId);
    if (filter.id) q = q.where('e.id', '=', filter.id);
    if (filter.contactId) q = q.where('e.contact_id', '=', filter.contactId);
    const rows = await q.orderBy('i.occurred_at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
    return rows.map(
      (r): EngagementDto => ({ id: r.id, contactId: r.contact_id, contactName: r.name, action: r.action as EngagementDto['action'], platform: r.platform, link: r.link, summary: r.summary, occurredAt: r.occurred_at, interactionId: r.interaction_id ?? '' }),
    );
  }

  async function checkMentions(trx: Kysely<DB>, actor: Actor, ids: string[] | undefined) {
    if (!ids?.length) return;
    const owned = await ownedContactIds(trx, actor.userId, ids);
    if (ids.some((id) => !owned.has(id))) throw notFound('Contact');
  }

  async function posts(actor: Actor, filter: { id?: string; status?: string; from?: string; to?: string }): Promise<ContentPostDto[]> {
    let q = db.selectFrom('content_post').selectAll().where('owner_id', '=', actor.userId);
    if (filter.id) q = q.where('id', '=', filter.id);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.from && filter.to)
      q = q.where((eb) => eb.or([eb.and([eb('planned_on', '>=', filter.from!), eb('planned_on', '<=', filter.to!)]), eb.and([eb('published_on', '>=', filter.from!), eb('published_on', '<=', filter.to!)])]));
    const rows = await q.orderBy('planned_on').orderBy('created_at').orderBy('id').limit(500).execute();
    const mentions = rows.length
      ? await db
          .selectFrom('content_post_contact as pc')
          .innerJoin('contact as c', 'c.id', 'pc.contact_id')
          .select(['pc.post_id', 'c.id', 'c.name'])
          .where('pc.owner_id', '=', actor.userId)
          .where('pc.post_id', 'in', rows.map((r) => r.id))
          .orderBy('c.sort_name')
          .execute()
      : [];
    return rows.map((r) => ({
      id: r.id,
      topic: r.topic,
      status: r.status as ContentStatus,
      platform: r.platform,
      body: r.body,
      plannedOn: r.planned_on,
      publishedOn: r.published_on,
      link: r.link,
      mentions: mentions.filter((m) => m.post_id === r.id).map((m) => ({ id: m.id, name: m.name })),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function getPost(actor: Actor, id: string): Promise<ContentPostDto> {
    const [post] = await posts(actor, { id });
    if (!post) throw notFound('Post');
    return post;
  }

  async function setMentions(trx: Kysely<DB>, actor: Actor, postId: string, ids: string[]) {
    await trx.deleteFrom('content_post_contact').where('post_id', '=', postId).where('owner_id', '=', actor.userId).execute();
    const unique = [...new Set(ids)];
    if (unique.length) await trx.insertInto('content_post_contact').values(unique.map((contact_id) => ({ post_id: postId, contact_id, owner_id: actor.userId }))).execute();
  }

  return {
    /** Logs an engagement: a light interaction (kind social) with the contact, plus what it was. */
    async engage(actor: Actor, input: EngagementCreateInput): Promise<EngagementDto> {
      const now = nowIso(clock);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        if ((await ownedContactIds(trx, actor.userId, [input.contactId])).size === 0) throw notFound('Contact');
        const interaction = {
          id: newId(),
          owner_id: actor.userId,
          kind: 'social',
          occurred_at: input.occurredAt ? new Date(input.occurredAt).toISOString() : now,
          duration_minutes: null,
          initiated_by: 'me',
          summary: `${actionWords[input.action]}${input.platform ? ` on ${input.platform}` : ''}${input.note ? `: ${input.note}` : ''}`.slice(0, 500),
          notes: input.link ?? null,
          created_at: now,
          updated_at: now,
        };
        await insertInteraction(trx, interaction, [input.contactId]);
        await refreshDerived(trx, actor.userId, [input.contactId], actor.timezone, clock.now());
        await indexInteractions(trx, dialect, actor.userId, [interaction]);
        await trx.insertInto('engagement').values({ id, owner_id: actor.userId, contact_id: input.contactId, interaction_id: interaction.id, action: input.action, platform: input.platform ?? null, link: input.link ?? null, created_at: now }).execute();
      });
      return (await engagementRows(actor.userId, { id }, 1))[0]!;
    },

    async engagements(actor: Actor, query: { contactId?: string; limit: number }): Promise<{ items: EngagementDto[] }> {
      if (query.contactId && (await ownedContactIds(db, actor.userId, [query.contactId])).size === 0) throw notFound('Contact');
      return { items: await engagementRows(actor.userId, { contactId: query.contactId }, query.limit) };
    },

    async removeEngagement(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('engagement').select(['interaction_id', 'contact_id']).where('id', '=', id).where('owner_id', '=', actor.userId).executeTakeFirst();
        if (!row) throw notFound('Engagement');
        await trx.deleteFrom('engagement').where('id', '=', id).where('owner_id', '=', actor.userId).execute();
        if (row.interaction_id) {
          await trx.deleteFrom('interaction').where('id', '=', row.interaction_id).where('owner_id', '=', actor.userId).execute();
          await removeSearchDocs(trx, dialect, [row.interaction_id]);
        }
        await refreshDerived(trx, actor.userId, [row.contact_id], actor.timezone, clock.now());
      });
    },

    getPost,
    listPosts: async (actor: Actor, query: { status?: string; from?: string; to?: string }) => {
      if ((query.from && !query.to) || (!query.from && query.to)) throw invalid(query.from ? 'to' : 'from', 'give both from and to');
      return { items: await posts(actor, query) };
    },

    async createPost(actor: Actor, input: ContentPostCreateInput): Promise<ContentPostDto> {
      const now = nowIso(clock);
      const status = input.status ?? 'idea';
      const row: ContentPostTable = {
        id: newId(),
        owner_id: actor.userId,
        status,
        topic: input.topic,
        platform: input.platform ?? null,
        body: input.body ?? null,
        planned_on: input.plannedOn ?? null,
        published_on: status === 'published' ? todayIn(clock, actor.timezone) : null,
        link: input.link ?? null,
        created_at: now,
        updated_at: now,
      };
      if (status === 'scheduled' && !row.planned_on) throw invalid('plannedOn', 'a scheduled post needs a date');
      await db.transaction().execute(async (trx) => {
        await checkMentions(trx, actor, input.mentionIds);
        await trx.insertInto('content_post').values(row).execute();
        await setMentions(trx, actor, row.id, input.mentionIds ?? []);
      });
      return getPost(actor, row.id);
    },

    async updatePost(actor: Actor, id: string, input: ContentPostUpdateInput): Promise<ContentPostDto> {
      const current = await getPost(actor, id);
      const status = input.status ?? current.status;
      const plannedOn = input.plannedOn !== undefined ? input.plannedOn : current.plannedOn;
      if (status === 'scheduled' && !plannedOn) throw invalid('plannedOn', 'a scheduled post needs a date');
      const publishedOn = input.publishedOn !== undefined ? input.publishedOn : status === 'published' ? (current.publishedOn ?? todayIn(clock, actor.timezone)) : null;
      await db.transaction().execute(async (trx) => {
        await checkMentions(trx, actor, input.mentionIds);
        await trx
          .updateTable('content_post')
          .set({
            status,
            planned_on: plannedOn,
            published_on: publishedOn,
            ...(input.topic !== undefined && { topic: input.topic }),
            ...(input.platform !== undefined && { platform: input.platform }),
            ...(input.body !== undefined && { body: input.body }),
            ...(input.link !== undefined && { link: input.link }),
            updated_at: nowIso(clock),
          })
          .where('id', '=', id)
          .where('owner_id', '=', actor.userId)
          .execute();
        if (input.mentionIds) await setMentions(trx, actor, id, input.mentionIds);
      });
      return getPost(actor, id);
    },

    async removePost(actor: Actor, id: string): Promise<void> {
      await getPost(actor, id);
      await db.deleteFrom('content_post').where('id', '=', id).where('owner_id', '=', actor.userId).execute();
    },
  };
}

export type SocialService = ReturnType<typeof socialService>;
