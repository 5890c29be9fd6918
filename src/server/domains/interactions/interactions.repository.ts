import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { dialectOf } from '../../db/dialect';
import { runPrepared } from '../../db/prepared';
import type { DB, InteractionTable } from '../../db/schema';
import { ownedContactIds } from '../contacts/contacts.repository';

export type InteractionRow = InteractionTable;

export async function findInteraction(db: Kysely<DB>, ownerId: string, id: string): Promise<InteractionRow | undefined> {
  return db.selectFrom('interaction').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
}

export async function findInteractionsByIds(db: Kysely<DB>, ownerId: string, ids: string[]): Promise<InteractionRow[]> {
  if (ids.length === 0) return [];
  // By primary key only, owner checked on the rows: with `owner_id = ?` in the WHERE clause, SQLite
  // (without ANALYZE statistics) walks interaction_owner_idx, i.e. every interaction of the owner.
  const rows = await db.selectFrom('interaction').selectAll().where('id', 'in', ids).execute();
  return rows.filter((r) => r.owner_id === ownerId);
}

/** Participants of each interaction, in the order they were given. */
export async function participantsOf(db: Kysely<DB>, interactionIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (interactionIds.length === 0) return map;
  const rows = await db
    .selectFrom('interaction_contact')
    .select(['interaction_id', 'contact_id'])
    .where('interaction_id', 'in', interactionIds)
    .execute();
  for (const r of rows) map.set(r.interaction_id, [...(map.get(r.interaction_id) ?? []), r.contact_id]);
  return map;
}

export async function insertInteraction(db: Kysely<DB>, row: InteractionRow, contactIds: string[]): Promise<void> {
  await db.insertInto('interaction').values(row).execute();
  await setParticipants(db, row, contactIds);
}

export async function setParticipants(db: Kysely<DB>, row: Pick<InteractionRow, 'id' | 'owner_id' | 'occurred_at' | 'kind' | 'initiated_by'>, contactIds: string[]): Promise<void> {
  await db.deleteFrom('interaction_contact').where('interaction_id', '=', row.id).execute();
  await db
    .insertInto('interaction_contact')
    .values(contactIds.map((contactId) => ({ interaction_id: row.id, contact_id: contactId, owner_id: row.owner_id, occurred_at: row.occurred_at, kind: row.kind, initiated_by: row.initiated_by })))
    .execute();
}

export async function updateInteraction(db: Kysely<DB>, ownerId: string, id: string, values: Partial<InteractionRow>): Promise<void> {
  await db.updateTable('interaction').set(values).where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

export async function deleteInteraction(db: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('interaction').where('id', '=', id).where('owner_id', '=', ownerId).execute();
}

/**
 * A contact's interactions, newest first, walking the (contact_id, occurred_at, interaction_id)
 * index: the page's ids come from the index alone, then the rows are fetched by primary key.
 */
export async function timeline(
  db: Kysely<DB>,
  ownerId: string,
  contactId: string,
  limit: number,
  after?: { occurredAt: string; id: string },
): Promise<InteractionRow[]> {
  if (dialectOf(db) === 'postgres') return timelinePostgres(db, ownerId, contactId, limit, after);
  let q = db
    .selectFrom('interaction_contact as ic')
    .select(['ic.interaction_id', 'ic.occurred_at'])
    .where('ic.contact_id', '=', contactId)
    .where('ic.owner_id', '=', ownerId);
  if (after)
    q = q.where((eb) => eb(eb.refTuple('ic.occurred_at', 'ic.interaction_id'), '<', eb.tuple(after.occurredAt, after.id)) as Expression<SqlBool>);
  const keys = await q.orderBy('ic.occurred_at', 'desc').orderBy('ic.interaction_id', 'desc').limit(limit).execute();
  if (keys.length === 0) return [];
  const rows = await findInteractionsByIds(db, ownerId, keys.map((k) => k.interaction_id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return keys.map((k) => byId.get(k.interaction_id)).filter((r): r is InteractionRow => r !== undefined);
}

/**
 * PostgreSQL: the same page in one statement (the keys from the timeline index, then the rows by
 * primary key, owner checked on the rows), planned once per connection (prepareOnPostgres): one round
 * trip and no planning per call instead of two of each. The page size is a literal, so the few sizes
 * callers ask for are a few statements; the plan does not depend on the values (an index range per
 * contact, a primary-key probe per key).
 */
function timelinePostgres(db: Kysely<DB>, ownerId: string, contactId: string, limit: number, after?: { occurredAt: string; id: string }): Promise<InteractionRow[]> {
  return runPrepared<InteractionRow>(
    db,
    sql`select i.* from ${pageKeys(ownerId, contactId, limit, after)} k join interaction i on i.id = k.interaction_id
  where i.owner_id = ${ownerId}
  order by k.occurred_at desc, k.interaction_id desc`,
  );
}

/** PostgreSQL: the keys of a timeline page, newest first, from the timeline index (a subquery). */
function pageKeys(ownerId: string, contactId: string, limit: number, after?: { occurredAt: string; id: string }): RawBuilder<unknown> {
  const before = after ? sql`and (ic.occurred_at, ic.interaction_id) < (${after.occurredAt}, ${after.id})` : sql``;
  return sql`(
    select ic.interaction_id, ic.occurred_at from interaction_contact ic
    where ic.contact_id = ${contactId} and ic.owner_id = ${ownerId} ${before}
    order by ic.occurred_at desc, ic.interaction_id desc limit ${sql.lit(limit)}
  )`;
}

/** A page of a contact's timeline; `participants` when the same statement read them (PostgreSQL). */
export interface ContactTimeline {
  rows: InteractionRow[];
  participants?: Map<string, string[]>;
}

/**
 * A contact's timeline (as `timeline`), or undefined when the owner has no such contact. On
 * PostgreSQL the contact, the page and each interaction's participants (in primary-key order, as
 * `participantsOf` reads them there) are one prepared statement. A page after a cursor checks the
 * contact first, as before: a forged cursor of someone else's contact stays "not found".
 */
export async function contactTimeline(
  db: Kysely<DB>,
  ownerId: string,
  contactId: string,
  limit: number,
  after?: { occurredAt: string; id: string },
): Promise<ContactTimeline | undefined> {
  const postgres = dialectOf(db) === 'postgres';
  if (!postgres || after) {
    if ((await ownedContactIds(db, ownerId, [contactId])).size === 0) return undefined;
    if (!postgres) return { rows: await timeline(db, ownerId, contactId, limit, after) };
  }
  const found = await runPrepared<InteractionRow & { participant_ids: string[] | null }>(
    db,
    sql`select i.*, (select array_agg(p.contact_id) from interaction_contact p where p.interaction_id = i.id) as participant_ids
  from contact c
  left join lateral ${pageKeys(ownerId, contactId, limit, after)} k on true
  left join interaction i on i.id = k.interaction_id and i.owner_id = ${ownerId}
  where c.id = ${contactId} and c.owner_id = ${ownerId}
  order by k.occurred_at desc, k.interaction_id desc`,
  );
  if (found.length === 0) return undefined;
  const rows: InteractionRow[] = [];
  const participants = new Map<string, string[]>();
  for (const { participant_ids, ...row } of found) {
    if (row.id === null) continue;
    rows.push(row);
    participants.set(row.id, participant_ids ?? []);
  }
  return { rows, participants };
}
