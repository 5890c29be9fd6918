import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild, launchBrowser, newPage, startServer, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signUp(page: Page, name: string, email: string) {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(name.split(' ')[0]!) }).waitFor();
}

describe('networking strategies in Chromium', () => {
  it('event → add the people met in seconds → their follow-ups are on the home page today', async () => {
    const { context, page } = await newPage(browser, server.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUp(page, 'Priya Raman', 'priya-events@example.com');

    await page.getByRole('link', { name: 'Events' }).click();
    await page.getByText('No events yet').waitFor();
    await page.getByRole('textbox', { name: /^Event/ }).fill('RemoteConf 2026');
    await page.getByRole('button', { name: 'Add event' }).click();
    await page.getByRole('heading', { level: 1, name: 'RemoteConf 2026' }).waitFor();

    await page.getByLabel('First follow-up in (days)').fill('0');
    const line = page.getByLabel(/New person/);
    for (const text of ['Ada Lovelace: async standups across time zones', 'Grace Hopper: compilers']) {
      await line.fill(text);
      await line.press('Enter');
      await page.getByRole('link', { name: text.split(':')[0]! }).waitFor();
    }
    await page.getByText('Met 2, followed up 0').waitFor();
    await page.screenshot({ path: 'test-results/screenshots/event-page.png', fullPage: true });

    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByText('Follow up from RemoteConf 2026: async standups across time zones').waitFor();
    await page.getByText('Follow up from RemoteConf 2026: compilers').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
