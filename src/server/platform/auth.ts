import type { betterAuth } from 'better-auth';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/dialect';
import type { DB } from '../db/schema';
import { newId } from './ids';
import { hashPassword, verifyPassword } from './password';

export const AUTH_BASE_PATH = '/api/auth';
export const MIN_PASSWORD_LENGTH = 10;

export interface AuthOptions {
  db: Kysely<DB>;
  dialect: Dialect;
  secret: string;
  baseUrl: string;
}

/**
 * Sessions, sign-up and sign-in are better-auth's; Rapport adds argon2id hashing, its own ids and
 * the rule that the first account is the admin. Who may sign up is decided before the request
 * reaches better-auth (see account.service.ts), so the CLI can create users directly.
 */
function buildAuth(create: typeof betterAuth, { db, dialect, secret, baseUrl }: AuthOptions) {
  return create({
    appName: 'Rapport',
    baseURL: baseUrl,
    basePath: AUTH_BASE_PATH,
    secret,
    database: { db, type: dialect },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'member', input: false },
        timezone: { type: 'string', required: false, defaultValue: 'UTC', input: true },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    // Sign-in and sign-up are rate limited by Fastify per client address (trust-proxy aware).
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'rapport',
      useSecureCookies: baseUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      database: { generateId: () => newId() },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            const existing = await db.selectFrom('user').select('id').limit(1).executeTakeFirst();
            return { data: { ...user, role: existing ? 'member' : 'admin' } };
          },
        },
      },
    },
    logger: { disabled: true },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof buildAuth>;

/**
 * better-auth is loaded on first use: importing it costs most of a CLI command's start-up, and only
 * sign-up, sign-in and session checks need it.
 */
export function lazyAuth(options: AuthOptions): () => Promise<Auth> {
  let auth: Promise<Auth> | undefined;
  return () => (auth ??= import('better-auth').then(({ betterAuth }) => buildAuth(betterAuth, options)));
}
