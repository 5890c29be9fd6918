import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild, launchBrowser, newPage, root, startServer, type RunningServer } from './harness';

// Screenshots are test artifacts (test-results/screenshots); RAPPORT_UPDATE_SCREENSHOTS=1 also refreshes docs/screenshots.
const artifacts = join(root, 'test-results', 'screenshots');
const docs = join(root, 'docs', 'screenshots');
const updateDocs = process.env.RAPPORT_UPDATE_SCREENSHOTS === '1';
const password = 'demo password for e2e';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  server = await startServer();
  // The demo account with realistic data, written by the CLI while the server runs (SQLite in WAL mode).
  const demo = spawnSync(process.execPath, [join(root, 'bin', 'rapport.js'), 'demo', '--data-dir', server.dataDir, '--email', 'demo@rapport.local', '--password-stdin', '--contacts', '150', '--json'], {
    cwd: root,
    input: password,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  if (demo.status !== 0) throw new Error(`rapport demo failed: ${demo.stderr}`);
  browser = await launchBrowser();
  mkdirSync(artifacts, { recursive: true });
  if (updateDocs) mkdirSync(docs, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('demo@rapport.local');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: /Good (morning|afternoon|evening)/ }).waitFor();
}

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(300); // let transitions settle
  const file = join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  if (updateDocs) copyFileSync(file, join(docs, `${name}.png`));
}

async function seriousViolations(page: Page) {
  // Judge the page at rest: colours measured mid-transition (a dialog fading in) fail contrast at random.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

const pages = [
  { name: 'home', path: '/', ready: /Good (morning|afternoon|evening)/ },
  { name: 'contacts', path: '/contacts', ready: 'Contacts' },
  { name: 'follow-ups', path: '/follow-ups', ready: 'Follow-ups' },
  { name: 'review', path: '/review', ready: 'Weekly review' },
  { name: 'appreciation', path: '/appreciation', ready: 'Appreciation' },
  { name: 'insights', path: '/insights', ready: 'Insights' },
  { name: 'events', path: '/events', ready: 'Events' },
  { name: 'chats', path: '/chats', ready: 'Coffee chats' },
  { name: 'mentorships', path: '/mentorships', ready: 'Mentorships' },
  { name: 'communities', path: '/communities', ready: 'Communities' },
  { name: 'social', path: '/social', ready: 'Social media' },
  { name: 'organizations', path: '/organizations', ready: 'Organizations' },
  { name: 'tags', path: '/tags', ready: 'Tags' },
  { name: 'import', path: '/import', ready: 'Import contacts' },
  { name: 'duplicates', path: '/duplicates', ready: 'Duplicates' },
  { name: 'settings', path: '/settings', ready: 'Settings' },
];

describe('production build', () => {
  it('keeps the JavaScript of the first page within 300 KB gzipped', () => {
    const report = spawnSync(process.execPath, [join(root, 'scripts', 'web-size.mjs'), '--json'], { cwd: root, encoding: 'utf8' });
    const { initialJsGzip } = JSON.parse(report.stdout) as { initialJsGzip: number };
    console.log(`initial JS: ${(initialJsGzip / 1024).toFixed(1)} KB gzipped`);
    expect(initialJsGzip).toBeLessThanOrEqual(300 * 1024);
  });
});

describe('main pages with demo data', () => {
  for (const viewport of [
    { label: 'desktop', width: 1280, height: 800 },
    { label: 'phone', width: 390, height: 844 },
  ]) {
    it(`render the main pages (${viewport.label}${viewport.label === 'desktop' ? ', axe: no serious or critical violations' : ''})`, async () => {
      const { context, page } = await newPage(browser, server.url, { width: viewport.width, height: viewport.height });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // axe once per page (desktop); the phone run checks layout through screenshots.
      const audit = viewport.label === 'desktop' ? seriousViolations : async () => [];
      await page.goto('/sign-in');
      await page.getByRole('heading', { name: 'Sign in to Rapport' }).waitFor();
      expect(await audit(page), 'sign-in').toEqual([]);
      await shoot(page, `sign-in-${viewport.label}`);
      await signIn(page);

      const found: Record<string, string[]> = {};
      for (const p of pages) {
        await page.goto(p.path);
        await page.getByRole('heading', { level: 1, name: p.ready }).waitFor();
        await page.waitForLoadState('networkidle');
        const violations = await audit(page);
        if (violations.length) found[p.name] = violations;
        await shoot(page, `${p.name}-${viewport.label}`);
      }

      // A contact page (from the list), with its timeline.
      await page.goto('/contacts?sort=lastInteraction');
      await page.getByRole('list', { name: 'Contacts' }).getByRole('link').first().click();
      await page.getByRole('tab', { name: 'Timeline' }).waitFor();
      await page.waitForLoadState('networkidle');
      const contactViolations = await audit(page);
      if (contactViolations.length) found.contact = contactViolations;
      await shoot(page, `contact-${viewport.label}`);

      // The palette and the quick log.
      const name = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
      await page.keyboard.press('Control+k');
      await page.getByPlaceholder(/Search contacts and interactions/).fill(name.split(' ')[0]!);
      await page.getByRole('dialog').getByText(name).first().waitFor();
      await shoot(page, `palette-${viewport.label}`);
      await page.keyboard.press('Escape');

      expect(found).toEqual({});
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('shows a new account its empty state and the shortcuts help (axe on both, desktop and phone)', async () => {
    for (const viewport of [
      { label: 'desktop', width: 1280, height: 800 },
      { label: 'phone', width: 390, height: 844 },
    ]) {
      const { context, page } = await newPage(browser, server.url, { width: viewport.width, height: viewport.height });
      await page.goto('/sign-up');
      await page.getByLabel('Name').fill('Sam Lee');
      await page.getByLabel('Email').fill(`sam-${viewport.label}@example.com`);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('region', { name: 'Welcome to Rapport' }).getByRole('button', { name: 'Load demo data' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page), `welcome (${viewport.label})`).toEqual([]);
      await shoot(page, `welcome-${viewport.label}`);
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      expect(await seriousViolations(page), `shortcuts (${viewport.label})`).toEqual([]);
      await shoot(page, `shortcuts-${viewport.label}`);
      await context.close();
    }
  });

  it('renders the contacts page in the dark theme', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    const started = Date.now();
    await page.getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('list', { name: 'Contacts' }).getByRole('link').first().waitFor();
    const ms = Date.now() - started;
    // Reported, not asserted: timings belong to the benchmark (docs/performance.md), not to pass/fail.
    console.log(`contacts page rendered ${ms} ms after navigation (demo data, 150 contacts)`);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'contacts-dark-desktop');
    await page.reload();
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    await context.close();
  });
});
