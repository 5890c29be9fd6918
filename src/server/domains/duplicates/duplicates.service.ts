import type { DuplicateContactDto, DuplicateGroupDto, MergeContactsInput } from '../../../contracts/duplicates';
import type { ContactTable } from '../../db/schema';
import { nowIso } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { refreshDerived } from '../contacts/contacts.derived';
import { reindexContacts, removeSearchDocs } from '../search/search.index';
import * as repo from './duplicates.repository';

const MAX_GROUPS = 200;
const kindLabel: Record<string, string> = { email: 'email', phone: 'phone', profile: 'profile' };

/**
 * Duplicates: contacts that share an email, phone or profile URL, or have the same name, grouped
 * (a shares an email with b, b a phone with c: one group). Merging keeps the first contact and moves
 * everything of the others onto it: interactions, notes, follow-ups, tags, profiles, milestones… any
 * table with a contact_id, found in the catalog.
 */
export function duplicateService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;

  return {
    async find(actor: Actor): Promise<{ items: DuplicateGroupDto[]; truncated: boolean }> {
      const parent = new Map<string, string>();
      const root = (x: string): string => {
        let r = x;
        while (parent.get(r) !== r) r = parent.get(r)!;
        parent.set(x, r);
        return r;
      };
      const union = (a: string, b: string) => {
        if (!parent.has(a)) parent.set(a, a);
        if (!parent.has(b)) parent.set(b, b);
        const ra = root(a);
        const rb = root(b);
        if (ra !== rb) parent.set(rb, ra);
      };
      const reasons = new Map<string, Set<string>>();
      const pairs: { a: string; b: string; reason: string }[] = [
        ...(await repo.sharedHandles(db, actor.userId)).map((p) => ({ a: p.a, b: p.b, reason: `same ${kindLabel[p.kind] ?? p.kind} ${p.value}` })),
        ...(await repo.sameNames(db, actor.userId)).map((p) => ({ a: p.a, b: p.b, reason: `same name ${p.name}` })),
      ];
      for (const p of pairs) union(p.a, p.b);
      for (const p of pairs) {
        const r = root(p.a);
        reasons.set(r, (reasons.get(r) ?? new Set()).add(p.reason));
      }
      const groups = new Map<string, string[]>();
      for (const id of parent.keys()) {
        const r = root(id);
        groups.set(r, [...(groups.get(r) ?? []), id]);
      }
      const chosen = [...groups.entries()].slice(0, MAX_GROUPS);
      const rows = await repo.contactsForReview(db, actor.userId, chosen.flatMap(([, ids]) => ids));
      const byId = new Map(
        rows.map((r): [string, DuplicateContactDto] => [
          r.id,
          {
            id: r.id,
            name: r.name,
            organization: r.organization,
            title: r.title,
            emails: JSON.parse(r.emails),
            phones: JSON.parse(r.phones),
            profiles: (JSON.parse(r.social_profiles) as { url: string | null; handle: string | null }[]).map((p) => p.url ?? p.handle ?? '').filter(Boolean),
            location: r.location,
            lastInteractionAt: r.last_interaction_at,
            createdAt: r.created_at,
            interactions: Number(r.interactions),
            notes: Number(r.notes),
          },
        ]),
      );
      const items = chosen
        .map(([r, ids]) => ({
          reasons: [...(reasons.get(r) ?? [])].sort().slice(0, 10),
          // The contact with the most history first: the one a merge would keep by default.
          contacts: ids
            .map((id) => byId.get(id)!)
            .filter(Boolean)
            .sort((a, b) => b.interactions - a.interactions || b.notes - a.notes || a.createdAt.localeCompare(b.createdAt)),
        }))
        .filter((g) => g.contacts.length > 1)
        .sort((a, b) => a.contacts[0]!.name.localeCompare(b.contacts[0]!.name));
      return { items, truncated: groups.size > MAX_GROUPS };
    },

    /** Merges the others into the first; returns the id of the contact kept. One transaction. */
    async merge(actor: Actor, input: MergeContactsInput): Promise<string> {
      const [keepId, ...otherIds] = input.ids;
      const ownerId = actor.userId;
      const now = nowIso(clock);
      await db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('contact').selectAll().where('owner_id', '=', ownerId).where('id', 'in', input.ids).execute();
        if (rows.length !== input.ids.length) throw notFound('Contact');
        const keep = rows.find((r) => r.id === keepId)! as ContactTable;
        const others = otherIds.map((id) => rows.find((r) => r.id === id)! as ContactTable);
        const values: Partial<ContactTable> = {};
        const fillable = ['given_name', 'family_name', 'pronouns', 'headline', 'organization_id', 'title', 'location', 'timezone', 'birthday', 'how_we_met', 'circle', 'cadence_days'] as const;
        for (const key of fillable) {
          if (keep[key] !== null) continue;
          const from = others.find((o) => o[key] !== null);
          if (from) (values as Record<string, unknown>)[key] = from[key];
        }
        const union = (column: 'emails' | 'phones' | 'social_profiles', same: (a: unknown, b: unknown) => boolean) => {
          const list = JSON.parse(keep[column]) as unknown[];
          for (const o of others) for (const v of JSON.parse(o[column]) as unknown[]) if (!list.some((x) => same(x, v))) list.push(v);
          values[column] = JSON.stringify(list.slice(0, 20));
        };
        union('emails', (a, b) => String(a).toLowerCase() === String(b).toLowerCase());
        union('phones', (a, b) => a === b);
        union('social_profiles', (a, b) => JSON.stringify(a) === JSON.stringify(b));
        if (others.some((o) => Boolean(o.starred))) values.starred = true;
        if (Boolean(keep.archived) && others.some((o) => !o.archived)) values.archived = false;
        const notes = others.map((o) => o.how_we_met).filter((h): h is string => !!h && h !== (values.how_we_met ?? keep.how_we_met));
        if (notes.length && (values.how_we_met ?? keep.how_we_met)) values.how_we_met = [values.how_we_met ?? keep.how_we_met, ...notes].join('\n').slice(0, 2000);
        values.updated_at = now;
        await trx.updateTable('contact').set(values).where('id', '=', keepId).where('owner_id', '=', ownerId).execute();

        for (const ref of await repo.contactReferences(trx, dialect)) for (const o of otherIds) await repo.moveReferences(trx, ref, o, keepId);
        await trx.deleteFrom('contact').where('owner_id', '=', ownerId).where('id', 'in', otherIds).execute();
        await removeSearchDocs(trx, dialect, otherIds);
        await refreshDerived(trx, ownerId, [keepId], actor.timezone, clock.now());
        await reindexContacts(trx, dialect, ownerId, [keepId]);
      });
      return keepId;
    },
  };
}

export type DuplicateService = ReturnType<typeof duplicateService>;
