import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, isAppPath, logRedaction } from './app';
import { createTestApp, createTestDatabase, testConfig, type TestApp } from './db/test-helpers';

describe('HTTP surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    // No web build here (dist/web may exist in a working copy): the landing page answers /.
    t = await createTestApp('sqlite', { config: { webDir: join(tmpdir(), 'rapport-no-web-build') } });
  });
  afterAll(() => t?.close());

  it('answers the health check', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves a landing page that links to the API docs until the web app is built', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Rapport is running');
    expect(res.body).toContain('href="/api/docs"');
  });

  it('publishes an OpenAPI 3.1 document generated from the contracts, and the docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/contacts', '/api/v1/contacts/{id}', '/api/v1/me', '/api/v1/search', '/api/auth/sign-in/email']));
    const create = doc.paths['/api/v1/contacts'].post;
    const ref = create.requestBody.content['application/json'].schema.$ref as string;
    const schema = doc.components.schemas[ref.split('/').at(-1)!];
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'emails', 'phones', 'cadenceDays', 'tags', 'birthday']));
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
  });

  it('answers unknown routes, bad JSON and wrong media types with problem+json', async () => {
    const user = await t.signUp();
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: user.auth });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const badJson = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { ...user.auth, 'content-type': 'application/json' }, payload: '{"name": ' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ code: 'validation', status: 400, title: expect.any(String), detail: expect.any(String) });
    const xml = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { ...user.auth, 'content-type': 'application/xml' }, payload: '<x/>' });
    expect(xml.statusCode).toBe(415);
    const badId = await t.app.inject({ method: 'GET', url: '/api/v1/contacts/not-an-id', headers: user.auth });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0]).toMatchObject({ path: 'id' });
  });

  it('tags every response with a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers['x-request-id']).toBe('trace-123');
    const generated = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

/** A stream that keeps the lines written to it. */
function lineStream() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

/** The app logging at info into a line stream with the server's redaction, on a fresh SQLite database, for `use`. */
async function withLoggingApp(use: (app: Awaited<ReturnType<typeof buildApp>>, lines: string[]) => Promise<void>, config = testConfig()): Promise<void> {
  const { lines, stream } = lineStream();
  const database = await createTestDatabase('sqlite');
  const app = await buildApp({ config, database, logger: { level: 'info', stream, redact: logRedaction } });
  try {
    await use(app, lines);
  } finally {
    await app.close();
    await database.drop();
  }
}

describe('request logs', () => {
  it('write one JSON line per request and never passwords, tokens or cookies', async () => {
    await withLoggingApp(async (app, lines) => {
      const password = 'super secret passphrase';
      const signUp = await app.inject({ method: 'POST', url: '/api/auth/sign-up/email', payload: { email: 'log@example.com', password } });
      const cookie = String(signUp.headers['set-cookie']).split(';')[0]!;
      const token = (await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie, origin: 'http://localhost:7277' }, payload: {} })).json().token;
      await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      await app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: 'log@example.com', password: 'wrong password here' } });
      const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
      expect(requestLines).toHaveLength(4);
      expect(requestLines[2]).toMatchObject({ method: 'GET', url: '/api/v1/me', status: 200, reqId: expect.any(String) });
      const all = lines.join('\n');
      for (const secret of [password, 'wrong password here', token, cookie.split('=')[1]]) expect(all).not.toContain(secret);
    }, testConfig({ openSignup: true }));
  });

  it('write the access line with its fixed fields, in this order, without the query string', async () => {
    await withLoggingApp(async (app, lines) => {
      await app.inject({ method: 'GET', url: '/healthz?token=abc&password=x', headers: { 'x-request-id': 'trace-1' } });
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]!);
      expect(Object.keys(line)).toEqual(['level', 'time', 'pid', 'hostname', 'reqId', 'method', 'url', 'status', 'ms', 'msg']);
      expect(line).toMatchObject({ level: 30, pid: process.pid, reqId: 'trace-1', method: 'GET', url: '/healthz', status: 200, msg: 'request' });
      expect(line.ms).toEqual(expect.any(Number));
    });
  });

  it("redact secrets in every other line: the server's, and a request's (which carries its id)", async () => {
    await withLoggingApp(async (app, lines) => {
      app.get('/log-test', async (request) => {
        request.log.warn({ login: { token: 'request-secret' }, user: { password: 'pw-secret' } }, 'request line');
        request.server.log.warn({ login: { token: 'server-secret' } }, 'server line');
        return {};
      });
      await app.inject({ method: 'GET', url: '/log-test', headers: { 'x-request-id': 'trace-2' } });
      const byMessage = Object.fromEntries(lines.map((l) => JSON.parse(l)).map((l) => [l.msg, l]));
      expect(byMessage['request line']).toMatchObject({ reqId: 'trace-2', login: { token: '[redacted]' }, user: { password: '[redacted]' } });
      expect(byMessage['server line']).toMatchObject({ login: { token: '[redacted]' } });
      expect(byMessage.request).toMatchObject({ reqId: 'trace-2', url: '/log-test' });
      for (const secret of ['request-secret', 'pw-secret', 'server-secret']) expect(lines.join('\n')).not.toContain(secret);
    });
  });
});

describe("serverLogger's stdout", () => {
  /** Lines a child process writes through serverLogger's stream, ending the way `end` says. */
  function childLines(count: number, end: 'exit' | 'natural' | 'throw' | 'late'): { i: number; msg: string }[] {
    const code = `
      const { serverLogger } = await import('./src/server/app.ts');
      const { default: pino } = await import('pino');
      const log = pino({ level: 'info' }, serverLogger({ logLevel: 'info', prettyLogs: false }).stream);
      for (let i = 0; i < ${count}; i++) log.info({ i, text: 'é'.repeat(i % 7) }, 'line');
      if ('${end}' === 'exit') process.exit(0);
      if ('${end}' === 'throw') throw new Error('crash');
      if ('${end}' === 'late') setTimeout(() => log.info({ i: ${count} }, 'late'), 250);`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' });
    return result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  }

  it('writes every line, in order, however the process ends', () => {
    for (const end of ['exit', 'natural', 'throw'] as const) {
      const lines = childLines(1000, end);
      expect([end, lines.length]).toEqual([end, 1000]);
      expect(lines.every((line, i) => line.i === i && line.msg === 'line')).toBe(true);
    }
    // A line after the batches were written (the flush timer's).
    expect(childLines(10, 'late').map((line) => line.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  }, 60_000);
});

describe('the built web app', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'rapport-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1)');
    t = await createTestApp('sqlite', { config: { webDir } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html at / and for deep links, so a contact URL can be reloaded', async () => {
    for (const url of ['/', '/contacts/0190a4c2-0000-7000-8000-000000000000', '/follow-ups?status=done', '/settings']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('<div id="root">');
    }
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('keeps 404s of the API, the health check, missing files and writes as problem+json', async () => {
    const user = await t.signUp();
    for (const [method, url] of [
      ['GET', '/api/v1/nothing-here'],
      ['GET', '/api/nothing'],
      ['GET', '/healthz/extra'],
      ['GET', '/assets/missing.js'],
      ['POST', '/contacts'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: user.auth });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.headers['content-type'], `${method} ${url}`).toContain('application/problem+json');
    }
  });

  it('tells app paths from API paths', () => {
    expect(isAppPath('GET', '/contacts/abc')).toBe(true);
    expect(isAppPath('HEAD', '/')).toBe(true);
    expect(isAppPath('POST', '/contacts')).toBe(false);
    expect(isAppPath('GET', '/api')).toBe(false);
    expect(isAppPath('GET', '/api/v1/contacts')).toBe(false);
    expect(isAppPath('GET', '/healthz')).toBe(false);
    expect(isAppPath('GET', '/favicon.ico')).toBe(false);
  });
});
