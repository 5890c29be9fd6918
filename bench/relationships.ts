import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../src/server/db/dialect';
import type { DB } from '../src/server/db/schema';
import type { Actor } from '../src/server/platform/context';
import type { Services } from '../src/server/services';
import { recomputeOwner } from '../src/server/domains/relationships/recompute';

/** Relationship-engine scenarios (issue 5): the Today agenda and recomputing every contact's strength. */
export const relationshipTargets = {
  today: { sqlite: 10, postgres: 30 },
  strength_all: { sqlite: 2000, postgres: 2000 },
} as const;

type Stats = { n: number; p95_ms: number } & Record<string, unknown>;

export interface RelationshipBenchContext {
  dialect: Dialect;
  db: Kysely<DB>;
  services: Services;
  actor: Actor;
  measure: (n: number, run: (i: number) => Promise<unknown>, warmup?: number) => Promise<Stats>;
  iterations: number;
  round: (n: number, digits?: number) => number;
}

function result(scenario: keyof typeof relationshipTargets, ctx: RelationshipBenchContext, stats: Stats, extra: Record<string, unknown>) {
  const max = relationshipTargets[scenario][ctx.dialect];
  return { scenario, db: ctx.dialect, ...stats, ...extra, target: `p95_ms<=${max}`, ok: stats.p95_ms <= max };
}

/**
 * Recomputes the strength aggregates, last interaction and next due date of all the owner's contacts
 * from their interactions (two grouped queries over every interaction, one bulk write), in a transaction.
 */
export async function strengthAll(ctx: RelationshipBenchContext) {
  const backfill = await copyKindsToLinks(ctx);
  let contacts = 0;
  let strengthMs = 0;
  const stats = await ctx.measure(
    Math.min(ctx.iterations, 5),
    async (i) => {
      const r = await ctx.db.transaction().execute((trx) => recomputeOwner(trx, ctx.actor.userId, ctx.actor.timezone, new Date()));
      if (i >= 0) contacts = r.contacts;
    },
    1,
  );
  // And the scores themselves, from the stored aggregates: every contact through the list service.
  const started = performance.now();
  let scored = 0;
  let cursor: string | undefined;
  do {
    const page = await ctx.services.contacts.list(ctx.actor, { sort: 'name', limit: 200, cursor });
    scored += page.items.filter((c) => c.strength.score >= 0).length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  strengthMs = performance.now() - started;
  return result('strength_all', ctx, stats, { contacts, scored_via_list: scored, list_all_with_strength_ms: ctx.round(strengthMs, 0), ...backfill });
}

/**
 * The services copy an interaction's kind and initiator into its links (migration 0003); a bulk loader
 * that writes links without them leaves the aggregation a join per link, which is not what an account
 * written through Rapport looks like. Copy them first (the migration's backfill), and say how many.
 */
async function copyKindsToLinks(ctx: RelationshipBenchContext) {
  const started = performance.now();
  const result = await sql`update interaction_contact set kind = (select i.kind from interaction i where i.id = interaction_contact.interaction_id), initiated_by = (select i.initiated_by from interaction i where i.id = interaction_contact.interaction_id) where owner_id = ${ctx.actor.userId} and kind is null`.execute(ctx.db);
  return { links_backfilled: Number(result.numAffectedRows ?? 0), backfill_ms: ctx.round(performance.now() - started, 0) };
}

/** The Today agenda of the bench owner (its home page), with strength aggregates computed first. */
export async function today(ctx: RelationshipBenchContext) {
  const computed = await ctx.db.selectFrom('contact').select('id').where('owner_id', '=', ctx.actor.userId).where('rel_points', '>', 0).limit(1).executeTakeFirst();
  if (!computed) await ctx.db.transaction().execute((trx) => recomputeOwner(trx, ctx.actor.userId, ctx.actor.timezone, new Date()));
  let items = 0;
  let more = 0;
  const types = new Set<string>();
  const stats = await ctx.measure(ctx.iterations, async (i) => {
    const agenda = await ctx.services.today.agenda(ctx.actor);
    if (i >= 0) {
      items = agenda.items.length;
      more = agenda.more;
      for (const item of agenda.items) types.add(item.type);
    }
  });
  return result('today', ctx, stats, { items, more, types: [...types].sort().join(',') });
}
