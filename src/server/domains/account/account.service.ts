import { AppError, notFound } from '../../platform/errors';
import type { Actor, Deps } from '../../platform/context';
import { isValidTimeZone, nowIso } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { newSecret, sha256 } from '../../platform/secrets';
import { MIN_PASSWORD_LENGTH } from '../../platform/auth';
import * as repo from './account.repository';
import type { UserRow } from './account.repository';

const TOKEN_TOUCH_INTERVAL_MS = 60_000;
/**
 * How long a resolved bearer token is trusted without asking the database again. Revoking a token
 * or changing the account through this process clears the cache at once; a revocation by another
 * process (the CLI next to the server) takes effect within this time.
 */
const TOKEN_CACHE_MS = 5_000;
const TOKEN_CACHE_SIZE = 1_000;

export function toActor(user: UserRow, via: Actor['via']): Actor {
  return { userId: user.id, email: user.email, name: user.name, role: user.role === 'admin' ? 'admin' : 'member', timezone: user.timezone, via };
}

const tokenDto = (row: Awaited<ReturnType<typeof repo.listTokens>>[number]) => ({
  id: row.id,
  name: row.name,
  prefix: row.token_prefix,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  expiresAt: row.expires_at,
});

export function accountService({ database, clock, config, auth }: Deps) {
  const { db } = database;
  /**
   * Presented token -> the actor it resolved to, until `until` (ms) and no later than the token's expiry.
   * Keyed by the token itself, not its hash: a hit then costs no SHA-256 (about 1.5 % of a GET of one
   * contact). The token is only ever in this process's memory, as the request's header already is;
   * the database still holds only hashes, and a miss hashes as before.
   */
  const tokenCache = new Map<string, { actor: Actor; until: number }>();

  return {
    async me(actor: Actor) {
      const user = await repo.findUserById(db, actor.userId);
      if (!user) throw new AppError('unauthenticated', 'The account no longer exists');
      return { ...user, role: toActor(user, actor.via).role };
    },

    async updateMe(actor: Actor, input: { name?: string; timezone?: string }) {
      if (input.timezone !== undefined && !isValidTimeZone(input.timezone))
        throw new AppError('validation', 'timezone: is not an IANA time zone', [{ path: 'timezone', message: 'is not an IANA time zone such as Europe/Berlin' }]);
      await repo.updateUser(db, actor.userId, input);
      tokenCache.clear(); // cached actors carry the name and time zone
      return this.me(actor);
    },

    /** Resolves a bearer token to its user; expired, revoked and unknown tokens are all the same 401. */
    async authenticateToken(token: string): Promise<Actor> {
      const now = clock.now();
      const nowMs = now.getTime();
      const cached = tokenCache.get(token);
      if (cached && cached.until > nowMs) return cached.actor;
      const row = await repo.findUserByTokenHash(db, sha256(token), now.toISOString());
      if (!row) {
        tokenCache.delete(token);
        throw new AppError('unauthenticated', 'The API token is invalid, expired or revoked');
      }
      // Recording every use would turn each read into a write; once a minute is enough to show "last used".
      if (!row.lastUsedAt || nowMs - Date.parse(row.lastUsedAt) > TOKEN_TOUCH_INTERVAL_MS)
        await repo.touchToken(db, row.tokenId, now.toISOString());
      const actor = toActor(row, 'token');
      if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear();
      tokenCache.set(token, { actor, until: Math.min(nowMs + TOKEN_CACHE_MS, row.expiresAt ? Date.parse(row.expiresAt) : Infinity) });
      return actor;
    },

    async createToken(actor: Actor, input: { name: string; expiresInDays?: number }) {
      const token = newSecret('rap');
      const now = clock.now();
      const row = {
        id: newId(),
        user_id: actor.userId,
        name: input.name,
        token_hash: sha256(token),
        token_prefix: token.slice(0, 10),
        created_at: now.toISOString(),
        last_used_at: null,
        expires_at: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString() : null,
      };
      await repo.insertToken(db, row);
      return { ...tokenDto(row), token };
    },

    async listTokens(actor: Actor) {
      return (await repo.listTokens(db, actor.userId)).map(tokenDto);
    },

    async revokeToken(actor: Actor, id: string) {
      if (!(await repo.deleteToken(db, actor.userId, id))) throw notFound('API token');
      tokenCache.clear();
    },

    /**
     * Decides whether a sign-up may proceed: the very first account always may (it becomes the admin),
     * later ones only with open sign-up or a valid invitation for that email.
     */
    async checkSignUp(email: string, inviteToken?: string): Promise<{ invitationId?: string }> {
      if ((await repo.countUsers(db)) === 0) return {};
      if (inviteToken) {
        const invitation = await repo.findInvitationByHash(db, sha256(inviteToken));
        const now = nowIso(clock);
        if (!invitation || invitation.used_at || invitation.expires_at <= now)
          throw new AppError('forbidden', 'The invitation is invalid, expired or already used');
        if (invitation.email.toLowerCase() !== email.toLowerCase())
          throw new AppError('forbidden', 'The invitation was issued for another email address');
        return { invitationId: invitation.id };
      }
      if (config.openSignup) return {};
      throw new AppError('forbidden', 'Sign-up is closed on this server; ask the admin for an invitation');
    },

    async consumeInvitation(invitationId: string) {
      await repo.markInvitationUsed(db, invitationId, nowIso(clock));
    },

    /** Creates an account directly (CLI). The first one becomes the admin, as on the web. */
    async createUser(input: { email: string; password: string; name?: string; timezone?: string }) {
      if (input.password.length < MIN_PASSWORD_LENGTH)
        throw new AppError('validation', `password: must be at least ${MIN_PASSWORD_LENGTH} characters`, [{ path: 'password', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }]);
      if (await repo.findUserByEmail(db, input.email)) throw new AppError('conflict', `An account for ${input.email} already exists`);
      const result = await (await auth()).api.signUpEmail({
        body: { email: input.email, password: input.password, name: input.name ?? input.email.split('@')[0]!, timezone: input.timezone ?? 'UTC' },
      });
      const user = await repo.findUserById(db, result.user.id);
      return user!;
    },

    async findUser(email: string) {
      return repo.findUserByEmail(db, email);
    },

    listUsers: () => repo.listUsers(db),

    async createInvitation(actor: Actor, input: { email: string; expiresInDays: number }) {
      requireAdmin(actor);
      if (await repo.findUserByEmail(db, input.email)) throw new AppError('conflict', `An account for ${input.email} already exists`);
      const token = newSecret('inv');
      const now = clock.now();
      const row = {
        id: newId(),
        email: input.email.toLowerCase(),
        token_hash: sha256(token),
        created_by: actor.userId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
        used_at: null,
      };
      await repo.insertInvitation(db, row);
      return { id: row.id, email: row.email, createdAt: row.created_at, expiresAt: row.expires_at, usedAt: null, token };
    },

    async listInvitations(actor: Actor) {
      requireAdmin(actor);
      return (await repo.listInvitations(db)).map((r) => ({ id: r.id, email: r.email, createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at }));
    },

    async revokeInvitation(actor: Actor, id: string) {
      requireAdmin(actor);
      if (!(await repo.deleteInvitation(db, id))) throw notFound('Invitation');
    },
  };
}

function requireAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'Only the admin can manage invitations');
}

export type AccountService = ReturnType<typeof accountService>;
