import type { SearchHitDto, SearchType } from '../../../contracts/search';
import type { Actor, Deps } from '../../platform/context';
import { queryDocs, typoCandidates, type SearchRow } from './search.repository';
import { allowedTypos, editDistance, snippetOf, words } from './search.text';

const MAX_QUERY_WORDS = 6;

export function searchService({ database }: Pick<Deps, 'database'>) {
  const { db, dialect } = database;

  /** Each query word matches as a prefix, or as a vocabulary word within its typo allowance. */
  async function groupsFor(ownerId: string, query: string) {
    const queryWords = [...new Set(words(query))].slice(0, MAX_QUERY_WORDS);
    return Promise.all(
      queryWords.map(async (word) => {
        const typos = allowedTypos(word);
        if (typos === 0) return { prefix: word, alternatives: [] as string[] };
        const candidates = await typoCandidates(db, dialect, ownerId, word, typos);
        const alternatives = candidates.filter((t) => t !== word && !t.startsWith(word) && editDistance(word, t, typos) <= typos).slice(0, 20);
        return { prefix: word, alternatives };
      }),
    );
  }

  /** Exact prefix hits rank above typo-corrected ones; within a tier the engine's own rank holds. */
  function rerank(rows: SearchRow[], queryWords: string[]): SearchRow[] {
    const tier = (row: SearchRow) => {
      const docWords = words(`${row.title} ${row.body}`);
      const titleWords = words(row.title);
      const exact = queryWords.every((q) => docWords.some((w) => w.startsWith(q)));
      const inTitle = queryWords.every((q) => titleWords.some((w) => w.startsWith(q)));
      return exact ? (inTitle ? 0 : 1) : 2;
    };
    return rows
      .map((row, index) => ({ row, index, tier: tier(row) }))
      .sort((a, b) => a.tier - b.tier || a.index - b.index)
      .map((x) => x.row);
  }

  type Groups = Awaited<ReturnType<typeof groupsFor>>;
  async function searchKind(ownerId: string, kind: SearchType, query: string, limit: number, known?: Groups): Promise<SearchRow[]> {
    const groups = known ?? (await groupsFor(ownerId, query));
    const rows = await queryDocs(db, dialect, ownerId, kind, groups, limit * 3);
    return rerank(rows, groups.map((g) => g.prefix)).slice(0, limit);
  }

  return {
    /** Contact ids matching a query, best first (for filtering lists). */
    async contactIds(actor: Actor, query: string, limit = 500): Promise<string[]> {
      return (await searchKind(actor.userId, 'contact', query, limit)).map((r) => r.refId);
    },

    async search(actor: Actor, input: { q: string; type?: SearchType; limit: number }): Promise<{ items: SearchHitDto[] }> {
      const kinds: SearchType[] = input.type ? [input.type] : ['contact', 'interaction'];
      const queryWords = words(input.q);
      // The typo corrections are looked up once for all kinds.
      const groups = await groupsFor(actor.userId, input.q);
      const results = await Promise.all(kinds.map((kind) => searchKind(actor.userId, kind, input.q, input.limit, groups)));
      // Contacts first: a person is what someone typing a name is after most of the time.
      const rows = results.flat().slice(0, input.limit);
      const interactionIds = rows.filter((r) => r.kind === 'interaction').map((r) => r.refId);
      const firstContact = new Map<string, string>();
      if (interactionIds.length) {
        const links = await db
          .selectFrom('interaction_contact')
          .select(['interaction_id', 'contact_id'])
          .where('interaction_id', 'in', interactionIds)
          .where('owner_id', '=', actor.userId)
          .execute();
        for (const link of links) if (!firstContact.has(link.interaction_id)) firstContact.set(link.interaction_id, link.contact_id);
      }
      return {
        items: rows.map((r) => ({
          type: r.kind,
          id: r.refId,
          title: r.title,
          snippet: snippetOf(r.body || r.title, queryWords),
          contactId: r.kind === 'interaction' ? (firstContact.get(r.refId) ?? null) : r.refId,
        })),
      };
    },
  };
}

export type SearchService = ReturnType<typeof searchService>;
