import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createTestDatabase } from '../server/db/test-helpers';
import type { Dialect } from '../server/db/dialect';

/** The real `rapport` command, as a user runs it. */
export const binPath = join(import.meta.dirname, '..', '..', 'bin', 'rapport.js');

export type CliEnv = Record<string, string | undefined>;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

// Variables of the developer's shell that would change what the command does.
const inherited = ['DATABASE_URL', 'RAPPORT_USER', 'RAPPORT_DATA_DIR', 'RAPPORT_SECRET', 'RAPPORT_BASE_URL', 'RAPPORT_OPEN_SIGNUP', 'RAPPORT_DEBUG', 'PORT', 'HOST', 'LOG_LEVEL', 'XDG_DATA_HOME', 'NODE_OPTIONS'];

function childEnv(env: CliEnv): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of inherited) delete result[key];
  // A command run without a data directory must not touch the real one in the home folder.
  result.XDG_DATA_HOME = join(tmpdir(), 'rapport-cli-test-default-data');
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete result[key];
    else result[key] = value;
  }
  return result;
}

export function spawnCli(args: string[], env: CliEnv = {}): ChildProcess {
  return spawn(process.execPath, [binPath, ...args], { env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs `rapport ARGS` to completion; stdin gets `input` (or is closed at once, like `< /dev/null`). */
export function runCli(args: string[], { env = {}, input, timeoutMs = 120_000 }: { env?: CliEnv; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`rapport ${args.join(' ')} did not finish in ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin!.end(input ?? '');
  });
}

/** Runs and expects success; returns stdout parsed as the one JSON value it must be. */
export async function runJson<T = any>(args: string[], options: { env?: CliEnv; input?: string; timeoutMs?: number } = {}): Promise<T> {
  const result = await runCli([...args, '--json'], options);
  expectSuccess(result, args);
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`rapport ${args.join(' ')} --json printed something that is not JSON:\n${result.stdout}`);
  }
}

export function expectSuccess(result: CliResult, args: string[] = []): void {
  if (result.code !== 0) throw new Error(`rapport ${args.join(' ')} exited with ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
}

/** A failure as the CLI promises it: nothing on stdout, exactly one line on stderr, no stack trace, the exit code. */
export function expectOneLineError(result: CliResult, exitCode: number, message: RegExp): string {
  expect(result.stderr).not.toContain('    at ');
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^rapport: /);
  expect(lines[0]).toMatch(message);
  expect(result.code, result.stderr).toBe(exitCode);
  return lines[0]!;
}

export interface CliDatabase {
  /** Environment that points the CLI at this database. */
  env: CliEnv;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty (unmigrated) database for the CLI: a temp data directory for SQLite, or a new
 * database on the test PostgreSQL server (DATABASE_URL). The CLI migrates it on first use.
 */
export async function createCliDatabase(dialect: Dialect): Promise<CliDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') return { env: { RAPPORT_DATA_DIR: dataDir }, dataDir, drop: async () => removeDir() };
  const database = await createTestDatabase('postgres', { migrate: false });
  await database.close();
  return {
    // RAPPORT_DATA_DIR too, so that a mistake that falls back to SQLite cannot touch a real one.
    env: { DATABASE_URL: database.url, RAPPORT_DATA_DIR: dataDir },
    dataDir,
    drop: async () => {
      await database.drop();
      removeDir();
    },
  };
}

/** Lines of a table printed by cli-table3, with the box drawing removed: cells trimmed. */
export function tableRows(output: string): string[][] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('│'))
    .map((line) =>
      line
        .split('│')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}
