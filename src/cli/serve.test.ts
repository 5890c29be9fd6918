import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCliDatabase, expectOneLineError, runCli, runJson, spawnCli, type CliDatabase, type CliEnv } from './test-helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function database(dialect: 'sqlite' | 'postgres'): Promise<CliDatabase> {
  const db = await createCliDatabase(dialect);
  cleanups.push(() => db.drop());
  return db;
}

interface Served {
  child: ChildProcess;
  /** The first stdout line that answers `match`. */
  line: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `rapport serve ARGS` and resolves once it prints a line that `match` accepts. */
function serve(args: string[], env: CliEnv, match: (line: string) => boolean): Promise<Served> {
  const child = spawnCli(['serve', ...args], env);
  child.stdin!.end();
  let stdout = '';
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s\nstdout: ${stdout}\nstderr: ${stderr}`)), 60_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => match(l));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve({ child, line, stdout: () => stdout, stderr: () => stderr, exited });
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before starting\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}

/** Stops the server the way a supervisor does and expects a clean exit. */
async function stop(served: Served) {
  served.child.kill('SIGTERM');
  const { code, signal } = await served.exited;
  expect(served.stderr()).not.toContain('    at ');
  expect({ code, signal }).toEqual({ code: 0, signal: null });
}

const asJson = (line: string) => {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
};

describe('rapport serve', { timeout: 120_000 }, () => {
  let running: Served | undefined;
  afterEach(() => {
    // A failed assertion must not leave a server behind.
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
    running = undefined;
  });

  it('configuration problems are one clear line and exit code 78, not a stack trace', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'rapport-serve-'));
    cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
    // A directory below a regular file cannot be created by anyone, root included.
    const file = join(scratch, 'file.txt');
    writeFileSync(file, 'not a directory');
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const takenPort = (taken.address() as { port: number }).port;
    const dataDir = join(scratch, 'data');

    const [unreachable, notPostgres, unwritable, portTaken, dataCommand] = await Promise.all([
      runCli(['serve', '--port', '0'], { env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x', RAPPORT_DATA_DIR: dataDir } }),
      runCli(['serve', '--port', '0'], { env: { DATABASE_URL: 'mysql://x', RAPPORT_DATA_DIR: dataDir } }),
      runCli(['serve', '--port', '0'], { env: { RAPPORT_DATA_DIR: join(file, 'data') } }),
      runCli(['serve', '--port', String(takenPort)], { env: { RAPPORT_DATA_DIR: dataDir } }),
      // The same validation guards every command, not only serve.
      runCli(['contacts', 'list'], { env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' } }),
    ]);
    expectOneLineError(unreachable, 78, /^rapport: Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/x: .*ECONNREFUSED/);
    expectOneLineError(notPostgres, 78, /^rapport: Invalid configuration: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL$/);
    expectOneLineError(unwritable, 78, /^rapport: Data directory .*file\.txt\/data is not writable/);
    expectOneLineError(portTaken, 78, new RegExp(`^rapport: Port ${takenPort} on 127\\.0\\.0\\.1 is already in use`));
    expectOneLineError(dataCommand, 78, /^rapport: Cannot connect to PostgreSQL/);
  });

  it('on SQLite: --json announces the address, /healthz answers, a CLI token works, SIGTERM exits 0', async () => {
    const { env } = await database('sqlite');
    await runJson(['user', 'add', 'ada@example.com', '--password-stdin'], { env, input: 'a long passphrase' });
    const { token } = await runJson<{ token: string }>(['token', 'create'], { env });
    // Logs at info level go to stdout as JSON lines too; the announcement is the line with a url.
    running = await serve(['--port', '0', '--json'], env, (line) => Boolean(asJson(line)?.url));
    const info = asJson(running.line);
    expect(info).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), docs: `${info.url}/api/docs`, database: { kind: 'sqlite' } });
    for (const line of running.stdout().trim().split('\n')) expect(asJson(line), line).toBeDefined();

    const health = await fetch(`${info.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const withToken = await fetch(`${info.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(withToken.status).toBe(200);
    expect(await withToken.json()).toMatchObject({ email: 'ada@example.com', role: 'admin' });
    expect((await fetch(`${info.url}/api/v1/me`, { headers: { authorization: 'Bearer rap_not-a-real-token' } })).status).toBe(401);

    await stop(running);
  });

  it('on PostgreSQL: prints the URL, migrates a fresh database, /healthz answers, SIGTERM exits 0', async () => {
    const { env } = await database('postgres');
    running = await serve(['--port', '0'], { ...env, LOG_LEVEL: 'warn' }, (line) => line.startsWith('Rapport is running at '));
    const url = /^Rapport is running at (http:\/\/127\.0\.0\.1:\d+)\/ {2}\(data: PostgreSQL \(127\.0\.0\.1:\d+\); API docs: http:\/\/127\.0\.0\.1:\d+\/api\/docs\)$/.exec(running.line)?.[1];
    expect(url, running.line).toBeDefined();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    await stop(running);
  });
});
