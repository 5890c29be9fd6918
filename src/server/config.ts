import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './platform/errors';

export const DEFAULT_PORT = 7277; // R-A-P-P on a phone keypad

export interface Config {
  host: string;
  port: number;
  /** Where the embedded SQLite database lives when no DATABASE_URL is given. */
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  openSignup: boolean;
  /** Public URL of the server; decides cookie `Secure` and the auth origin check. */
  baseUrl: string;
  secret?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  prettyLogs: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  webDir: string;
}

export interface ConfigFlags {
  host?: string;
  port?: string | number;
  dataDir?: string;
  databaseUrl?: string;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(DEFAULT_PORT),
  RAPPORT_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: 'must be a postgres:// or postgresql:// URL',
    })
    .refine((v) => !v || URL.canParse(v), { message: 'is not a valid URL' }),
  RAPPORT_OPEN_SIGNUP: bool,
  RAPPORT_BASE_URL: z.string().url({ message: 'must be a URL such as https://rapport.example.com' }).optional(),
  RAPPORT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RAPPORT_TRUST_PROXY: bool,
  RAPPORT_WEB_DIR: z.string().optional(),
});

/** The XDG data directory for Rapport: $XDG_DATA_HOME/rapport, else ~/.local/share/rapport. */
export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.trim() !== '' ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'rapport');
}

/** Reads and validates the configuration once; any problem is one AppError('config') line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, flags: ConfigFlags = {}): Config {
  const merged: Record<string, string | undefined> = {
    ...env,
    ...(flags.host !== undefined && { HOST: flags.host }),
    ...(flags.port !== undefined && { PORT: String(flags.port) }),
    ...(flags.dataDir !== undefined && { RAPPORT_DATA_DIR: flags.dataDir }),
    ...(flags.databaseUrl !== undefined && { DATABASE_URL: flags.databaseUrl }),
  };
  for (const key of Object.keys(merged)) if (merged[key] === '') delete merged[key];
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('config', `Invalid configuration: ${String(issue.path[0])} ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.RAPPORT_DATA_DIR ?? defaultDataDir(env));
  const displayHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: join(dataDir, 'rapport.db') },
    openSignup: e.RAPPORT_OPEN_SIGNUP,
    baseUrl: (e.RAPPORT_BASE_URL ?? `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${e.PORT}`).replace(/\/$/, ''),
    secret: e.RAPPORT_SECRET,
    logLevel: e.LOG_LEVEL,
    prettyLogs: Boolean(process.stdout.isTTY),
    trustProxy: e.RAPPORT_TRUST_PROXY,
    bodyLimitBytes: 1024 * 1024,
    webDir: resolve(e.RAPPORT_WEB_DIR ?? join(import.meta.dirname, '..', '..', 'dist', 'web')),
  };
}

/** Creates the data directory when needed and proves it is writable, or fails with one line. */
export function ensureDataDir(config: Config): void {
  if (config.database.kind !== 'sqlite') return;
  try {
    mkdirSync(config.dataDir, { recursive: true });
    accessSync(config.dataDir, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'not writable';
    throw new AppError('config', `Data directory ${config.dataDir} is not writable (${reason}); set RAPPORT_DATA_DIR to a writable folder`);
  }
}
