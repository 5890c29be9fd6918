import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { createPostgresDatabase, createSqliteDatabase, type RapportDatabase } from './database';
import type { Dialect } from './dialect';
import { migrateToLatest } from './migrate';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/context';

/** Every database test runs once per dialect: `describe.each(dialects)(...)`. */
export const dialects: Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase extends RapportDatabase {
  url: string;
  /** Closes the connection and removes the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database: a temp SQLite file, or a new database on the test PostgreSQL server. */
export async function createTestDatabase(dialect: Dialect, { migrate = true } = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
    const file = join(dir, 'rapport.db');
    const database = createSqliteDatabase(file);
    if (migrate) await migrateToLatest(database.db);
    return {
      ...database,
      url: file,
      close: database.close,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const serverUrl = inject('postgresUrl');
  const name = `rapport_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = createPostgresDatabase(url.toString(), 5);
  if (migrate) await migrateToLatest(database.db);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await database.close();
  };
  return {
    ...database,
    url: url.toString(),
    close,
    drop: async () => {
      await close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ RAPPORT_DATA_DIR: tmpdir() }), baseUrl: 'http://localhost:7277', ...overrides };
}

export interface TestUser {
  userId: string;
  email: string;
  token: string;
  cookie: string;
  /** Headers for a bearer-token request. */
  auth: { authorization: string };
  actor: Actor;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  signUp(email?: string, password?: string): Promise<TestUser>;
  /** `/api/v1` + url as `user` (bearer token), with a JSON body when given. */
  call(user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let userCounter = 0;

/** The real app over a real database, driven with app.inject(). */
export async function createTestApp(dialect: Dialect, options: { clock?: Clock; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const app = await buildApp({ config: testConfig({ openSignup: true, ...options.config }), database, clock: options.clock });
  await app.ready();
  return {
    app,
    database,
    async signUp(email = `user${++userCounter}-${randomBytes(3).toString('hex')}@example.com`, password = 'correct horse battery') {
      const response = await app.inject({ method: 'POST', url: '/api/auth/sign-up/email', payload: { email, password, name: email.split('@')[0] } });
      if (response.statusCode !== 200) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
      const cookie = String(response.headers['set-cookie']).split(';')[0]!;
      const userId = response.json().user.id as string;
      const tokenResponse = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie, origin: 'http://localhost:7277' }, payload: { name: 'test' } });
      if (tokenResponse.statusCode !== 201) throw new Error(`token failed: ${tokenResponse.statusCode} ${tokenResponse.body}`);
      const token = tokenResponse.json().token as string;
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      const user = me.json();
      return {
        userId,
        email,
        token,
        cookie,
        auth: { authorization: `Bearer ${token}` },
        actor: { userId, email, name: user.name, role: user.role, timezone: user.timezone, via: 'token' },
      };
    },
    call: (user, method, url, payload) => app.inject({ method, url: `/api/v1${url}`, headers: user.auth, ...(payload && { payload }) }),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
