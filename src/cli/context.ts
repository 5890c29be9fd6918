import type { Command } from 'commander';
import type { z } from 'zod';
import type { Config, ConfigFlags } from '../server/config';
import type { RapportDatabase } from '../server/db/database';
import type { Actor } from '../server/platform/context';
import { AppError, type FieldProblem } from '../server/platform/errors';
import type { Services } from '../server/services';

/** Options every command accepts (declared once on the program). */
export interface GlobalOptions {
  json?: boolean;
  user?: string;
  dataDir?: string;
  databaseUrl?: string;
}

export interface CliContext {
  config: Config;
  database: RapportDatabase;
  services: Services;
  /** Migrations this start applied (usually none). */
  applied: string[];
  json: boolean;
  options: GlobalOptions;
}

export const globalOptions = (command: Command): GlobalOptions => command.optsWithGlobals<GlobalOptions>();

export function configFlags(options: GlobalOptions): ConfigFlags {
  return { dataDir: options.dataDir, databaseUrl: options.databaseUrl };
}

/**
 * Opens the same database the server would (same env and flags), migrates it and builds the services.
 * Migrating on every open is cheap (one query when up to date) and means a fresh install just works.
 */
export async function openContext(options: GlobalOptions): Promise<CliContext & { close(): Promise<void> }> {
  // Loaded on demand: `--help` and usage errors then answer without loading Kysely and better-auth.
  const [{ ensureDataDir, loadConfig }, { openDatabase }, { migrateToLatest }, { createServices }] = await Promise.all([
    import('../server/config'),
    import('../server/db/database'),
    import('../server/db/migrate'),
    import('../server/services'),
  ]);
  const config = loadConfig(process.env, configFlags(options));
  ensureDataDir(config);
  const database = await openDatabase(config);
  try {
    const applied = await migrateToLatest(database.db);
    const services = await createServices({ database, config });
    return { config, database, services, applied, json: Boolean(options.json), options, close: () => database.close() };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/** Runs a command body with an open context and always closes the database (so the process can exit). */
export async function withContext<T>(command: Command, body: (ctx: CliContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(globalOptions(command));
  try {
    return await body(ctx);
  } finally {
    await ctx.close().catch(() => {});
  }
}

/**
 * The account a data command acts as: --user, else RAPPORT_USER, else the only account.
 * Guessing among several accounts would silently write into someone else's data, so we refuse.
 */
export async function resolveActor(ctx: CliContext): Promise<Actor> {
  const email = ctx.options.user ?? (process.env.RAPPORT_USER?.trim() || undefined);
  const { account } = ctx.services;
  const { toActor } = await import('../server/domains/account/account.service');
  if (email) {
    const user = await account.findUser(email);
    if (!user) throw new AppError('not_found', `No account for ${email}; list accounts with: rapport user list`);
    return toActor(user, 'cli');
  }
  const users = await account.listUsers();
  if (users.length === 1) return toActor(users[0]!, 'cli');
  if (users.length === 0)
    throw new AppError('not_found', 'No account yet; create one with: rapport user add you@example.com --password-stdin (or try: rapport demo)');
  const shown = users.slice(0, 5).map((u) => u.email).join(', ');
  throw new AppError('validation', `Several accounts exist (${shown}${users.length > 5 ? ', …' : ''}); choose one with --user EMAIL or RAPPORT_USER`);
}

/** zod's default size messages ("Too small: expected number to be >=1") in the contracts' own style. */
function readable(issue: z.core.$ZodIssue): string {
  const bound = issue as { minimum?: number | bigint; maximum?: number | bigint; origin?: string };
  const unit = bound.origin === 'string' ? ' characters' : bound.origin === 'array' ? ' items' : '';
  if (issue.code === 'too_small' && issue.message.startsWith('Too small')) return `must be at least ${bound.minimum}${unit}`;
  if (issue.code === 'too_big' && issue.message.startsWith('Too big')) return `must be at most ${bound.maximum}${unit}`;
  return issue.message;
}

/**
 * Validates command input with the same zod contract the HTTP API uses, so the CLI cannot store
 * what the API would refuse. `labels` turn contract paths into the option a person typed.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, labels: Record<string, string> = {}): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines: string[] = [];
  const problems: FieldProblem[] = result.error.issues.flatMap((issue) => {
    const keys = (issue as { keys?: string[] }).keys;
    if (issue.code === 'unrecognized_keys' && keys) {
      lines.push(...keys.map((key) => `${key}: is not a known field`));
      return keys.map((key) => ({ path: key, message: 'is not a known field' }));
    }
    const [first, ...rest] = issue.path.map(String);
    const label = first === undefined ? 'input' : (labels[first] ?? first);
    // "--email #2" reads better than "emails.1" for a repeated option.
    const message = readable(issue);
    lines.push(`${rest.length && labels[first!] ? `${label} #${Number(rest[0]) + 1}` : [label, ...rest].join('.')} ${message}`);
    return [{ path: [first, ...rest].join('.'), message }];
  });
  throw new AppError('validation', lines.join('; '), problems);
}

/** withContext for commands that act on someone's data. */
export async function withActor<T>(command: Command, body: (ctx: CliContext, actor: Actor) => Promise<T>): Promise<T> {
  return withContext(command, async (ctx) => body(ctx, await resolveActor(ctx)));
}
