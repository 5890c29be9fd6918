import type {
  AppreciationCreateInput,
  AppreciationDto,
  AppreciationKind,
  AppreciationListQueryInput,
  AppreciationUpdateInput,
  ContactLedgerDto,
  LedgerDto,
  LedgerEntryDto,
} from '../../../contracts/appreciation';
import { nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { ownedContactIds } from '../contacts/contacts.repository';
import * as repo from './appreciation.repository';

const nameOf: Record<AppreciationKind, string> = { kudos: 'Kudos', favor: 'Favor' };

export function toAppreciationDto(row: repo.AppreciationRow): AppreciationDto {
  return {
    id: row.id,
    kind: row.kind as AppreciationKind,
    contactId: row.contact_id,
    contactName: row.contact_name,
    direction: row.direction as AppreciationDto['direction'],
    text: row.body,
    occurredOn: row.occurred_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toLedgerEntry(row: repo.LedgerRow): LedgerEntryDto {
  const given = row.kudos_given + row.favors_given;
  const received = row.kudos_received + row.favors_received;
  return {
    contactId: row.contact_id,
    contactName: row.contact_name,
    kudosGiven: row.kudos_given,
    kudosReceived: row.kudos_received,
    favorsGiven: row.favors_given,
    favorsReceived: row.favors_received,
    given,
    received,
    balance: given - received,
  };
}

/** The people you have received more from than you gave: the widest gap first, then by name. */
export function owedOf(entries: LedgerEntryDto[], count = 5): LedgerEntryDto[] {
  return entries
    .filter((e) => e.balance < 0)
    .sort((a, b) => a.balance - b.balance || b.received - a.received || a.contactName.localeCompare(b.contactName))
    .slice(0, count);
}

/**
 * Appreciation and support (strategy 8): kudos and favors, each given or received, and the
 * reciprocity ledger that sums them per contact. One service serves both kinds.
 */
export function appreciationService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;

  function forKind(kind: AppreciationKind) {
    async function get(actor: Actor, id: string): Promise<AppreciationDto> {
      const row = await repo.findAppreciation(db, actor.userId, kind, id);
      if (!row) throw notFound(nameOf[kind]);
      return toAppreciationDto(row);
    }
    return {
      get,

      async create(actor: Actor, input: AppreciationCreateInput): Promise<AppreciationDto> {
        const now = nowIso(clock);
        const id = newId();
        await db.transaction().execute(async (trx) => {
          if ((await ownedContactIds(trx, actor.userId, [input.contactId])).size === 0) throw notFound('Contact');
          await repo.insertAppreciation(trx, {
            id,
            owner_id: actor.userId,
            contact_id: input.contactId,
            kind,
            direction: input.direction,
            body: input.text,
            occurred_on: input.occurredOn ?? todayIn(clock, actor.timezone),
            created_at: now,
            updated_at: now,
          });
        });
        return get(actor, id);
      },

      async update(actor: Actor, id: string, input: AppreciationUpdateInput): Promise<AppreciationDto> {
        await db.transaction().execute(async (trx) => {
          if (!(await repo.findAppreciation(trx, actor.userId, kind, id))) throw notFound(nameOf[kind]);
          await repo.updateAppreciation(trx, actor.userId, id, {
            ...(input.direction !== undefined && { direction: input.direction }),
            ...(input.text !== undefined && { body: input.text }),
            ...(input.occurredOn !== undefined && { occurred_on: input.occurredOn }),
            updated_at: nowIso(clock),
          });
        });
        return get(actor, id);
      },

      async remove(actor: Actor, id: string): Promise<void> {
        if (!(await repo.findAppreciation(db, actor.userId, kind, id))) throw notFound(nameOf[kind]);
        await repo.deleteAppreciation(db, actor.userId, id);
      },

      /** Newest first; filter by direction and contact. */
      async list(actor: Actor, query: Partial<AppreciationListQueryInput> & { limit: number }): Promise<{ items: AppreciationDto[]; nextCursor: string | null }> {
        const cursor = decodeCursor(query.cursor, 2);
        if (query.contactId && (await ownedContactIds(db, actor.userId, [query.contactId])).size === 0) throw notFound('Contact');
        const rows = await repo.listAppreciation(
          db,
          { ownerId: actor.userId, kind, direction: query.direction, contactId: query.contactId },
          query.limit + 1,
          cursor && { key: String(cursor[0]), id: String(cursor[1]) },
        );
        const page = pageOf(rows, query.limit, (r) => [r.occurred_on, r.id]);
        return { items: page.items.map(toAppreciationDto), nextCursor: page.nextCursor };
      },
    };
  }

  return {
    kudos: forKind('kudos'),
    favors: forKind('favor'),

    /** Totals, the five people you owe the most, and everyone with an entry (most exchanges first). */
    async ledger(actor: Actor, query: { limit: number } = { limit: 50 }): Promise<LedgerDto> {
      const entries = (await repo.ledgerRows(db, actor.userId)).map(toLedgerEntry);
      const totals = { kudosGiven: 0, kudosReceived: 0, favorsGiven: 0, favorsReceived: 0 };
      for (const e of entries) {
        totals.kudosGiven += e.kudosGiven;
        totals.kudosReceived += e.kudosReceived;
        totals.favorsGiven += e.favorsGiven;
        totals.favorsReceived += e.favorsReceived;
      }
      const contacts = [...entries]
        .sort((a, b) => b.given + b.received - (a.given + a.received) || a.contactName.localeCompare(b.contactName))
        .slice(0, query.limit);
      return { totals, owed: owedOf(entries), contacts };
    },

    /** One contact's ledger line and the last ten kudos and favors exchanged with them. */
    async contactLedger(actor: Actor, contactId: string): Promise<ContactLedgerDto> {
      const contact = await repo.findContactName(db, actor.userId, contactId);
      if (!contact) throw notFound('Contact');
      const [row] = await repo.ledgerRows(db, actor.userId, contactId);
      const entry = toLedgerEntry(row ?? { contact_id: contact.id, contact_name: contact.name, kudos_given: 0, kudos_received: 0, favors_given: 0, favors_received: 0 });
      const recent = await repo.recentWithContact(db, actor.userId, contactId, 10);
      return { ...entry, recent: recent.map(toAppreciationDto) };
    },
  };
}

export type AppreciationService = ReturnType<typeof appreciationService>;
