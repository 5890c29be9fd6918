import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, defaultDataDir, ensureDataDir, loadConfig } from './config';
import { AppError } from './platform/errors';

describe('configuration', () => {
  it('defaults to SQLite in the XDG data directory, on localhost', () => {
    const config = loadConfig({ HOME: '/home/ada', XDG_DATA_HOME: '/home/ada/.local/share' });
    expect(config).toMatchObject({ host: '127.0.0.1', port: DEFAULT_PORT, dataDir: '/home/ada/.local/share/rapport', openSignup: false });
    expect(config.database).toEqual({ kind: 'sqlite', file: '/home/ada/.local/share/rapport/rapport.db' });
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' })).toBe('/x/rapport');
  });

  it('uses PostgreSQL when DATABASE_URL is set, and flags override the environment', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/rapport', PORT: '8000' }, { port: 9000, host: '0.0.0.0' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/rapport' });
    expect(config.port).toBe(9000);
    expect(config.baseUrl).toBe('http://localhost:9000');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, /DATABASE_URL must be a postgres/],
    [{ PORT: 'eighty' }, /PORT must be a number/],
    [{ PORT: '70000' }, /PORT must be between/],
    [{ RAPPORT_BASE_URL: 'not a url' }, /RAPPORT_BASE_URL/],
    [{ RAPPORT_SECRET: 'short' }, /RAPPORT_SECRET must be at least 32/],
  ])('refuses %o with one clear line', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('config');
    expect((error as AppError).message).toMatch(message);
    expect((error as AppError).message).not.toContain('\n');
  });

  it('reports an unwritable data directory in one line', () => {
    // A folder below a regular file can never be created, whoever runs the test (root included).
    const file = join(mkdtempSync(join(tmpdir(), 'rapport-config-')), 'a-file');
    writeFileSync(file, '');
    const config = loadConfig({ RAPPORT_DATA_DIR: join(file, 'data') });
    expect(() => ensureDataDir(config)).toThrow(/^Data directory .*a-file\/data is not writable \(ENOTDIR\); set RAPPORT_DATA_DIR/);
  });

  it('reads RAPPORT_OPEN_SIGNUP as a boolean', () => {
    expect(loadConfig({ RAPPORT_OPEN_SIGNUP: 'true' }).openSignup).toBe(true);
    expect(loadConfig({ RAPPORT_OPEN_SIGNUP: 'false' }).openSignup).toBe(false);
  });
});
