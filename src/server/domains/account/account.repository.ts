import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export type UserRow = { id: string; email: string; name: string; role: string; timezone: string; createdAt: string };

const userColumns = ['id', 'email', 'name', 'role', 'timezone', 'createdAt'] as const;
const asUser = (row: Record<string, unknown>): UserRow => ({
  ...(row as Omit<UserRow, 'createdAt'>),
  createdAt: new Date(row.createdAt as string).toISOString(),
});

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserById(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('user').select(userColumns).where('id', '=', id).executeTakeFirst();
  return row && asUser(row);
}

export async function findUserByEmail(db: Kysely<DB>, email: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('user').select(userColumns).where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row && asUser(row);
}

export async function listUsers(db: Kysely<DB>): Promise<UserRow[]> {
  const rows = await db.selectFrom('user').select(userColumns).orderBy('createdAt').execute();
  return rows.map(asUser);
}

export async function updateUser(db: Kysely<DB>, id: string, values: { name?: string; timezone?: string }): Promise<void> {
  await db.updateTable('user').set({ ...values, updatedAt: new Date().toISOString() }).where('id', '=', id).execute();
}

export async function findUserByTokenHash(db: Kysely<DB>, tokenHash: string, nowIso: string) {
  const row = await db
    .selectFrom('api_token as t')
    .innerJoin('user as u', 'u.id', 't.user_id')
    .select(['t.id as tokenId', 't.last_used_at as lastUsedAt', 't.expires_at as expiresAt', 'u.id', 'u.email', 'u.name', 'u.role', 'u.timezone', 'u.createdAt'])
    .where('t.token_hash', '=', tokenHash)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', nowIso)]))
    .executeTakeFirst();
  return row && { ...asUser(row), tokenId: row.tokenId, lastUsedAt: row.lastUsedAt, expiresAt: row.expiresAt };
}

export async function touchToken(db: Kysely<DB>, tokenId: string, nowIso: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: nowIso }).where('id', '=', tokenId).execute();
}

export async function insertToken(db: Kysely<DB>, row: DB['api_token']): Promise<void> {
  await db.insertInto('api_token').values(row).execute();
}

export async function listTokens(db: Kysely<DB>, userId: string) {
  return db.selectFrom('api_token').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
}

export async function deleteToken(db: Kysely<DB>, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('api_token').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertInvitation(db: Kysely<DB>, row: DB['invitation']): Promise<void> {
  await db.insertInto('invitation').values(row).execute();
}

export async function listInvitations(db: Kysely<DB>) {
  return db.selectFrom('invitation').selectAll().orderBy('created_at', 'desc').execute();
}

export async function findInvitationByHash(db: Kysely<DB>, tokenHash: string) {
  return db.selectFrom('invitation').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function markInvitationUsed(db: Kysely<DB>, id: string, nowIso: string): Promise<void> {
  await db.updateTable('invitation').set({ used_at: nowIso }).where('id', '=', id).execute();
}

export async function deleteInvitation(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('invitation').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
