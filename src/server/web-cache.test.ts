import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './db/test-helpers';

// Only the static files are under test here (no database query), so one dialect is enough.
describe('cache headers of the built web app, through the real HTTP layer', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'rapport-web-cache-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-B3x9Qa1c.js"></script><div id="root"></div>');
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'index-B3x9Qa1c.js'), 'console.log(1)');
    writeFileSync(join(webDir, 'assets', 'index-Dk2LmP0q.css'), 'body{}');
    t = await createTestApp('sqlite', { config: { webDir } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('caches hashed assets for a year, immutable', async () => {
    for (const url of ['/assets/index-B3x9Qa1c.js', '/assets/index-Dk2LmP0q.css']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates index.html (at /, by name and for deep links) and unhashed files on every load', async () => {
    for (const url of ['/', '/index.html', '/contacts/0190a4c2-0000-7000-8000-000000000000', '/favicon.svg']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('never marks a missing asset or an API answer as cacheable', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/assets/index-gone1234.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control'] ?? '').not.toContain('immutable');
    const user = await t.signUp();
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: user.auth });
    expect(api.headers['cache-control'] ?? '').not.toContain('max-age=31536000');
  });
});
