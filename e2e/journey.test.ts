import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clickToFirstRows, loadToFirstRows, measureRuns, watchFirstRows } from './first-rows';
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
  await page.goto('/');
  await page.waitForURL('**/sign-in');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(name.split(' ')[0]!) }).waitFor();
}

describe('web app in Chromium', () => {
  let contactUrl = '';

  it('sign up → add a contact → quick log → find it with the palette → timeline → edit → delete', async () => {
    const { context, page } = await newPage(browser, server.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signUp(page, 'Priya Raman', 'priya@example.com');
    // A new account starts on the empty state: sample data, an import, or a first contact.
    const welcome = page.getByRole('region', { name: 'Welcome to Rapport' });
    await welcome.getByRole('button', { name: 'Load demo data' }).waitFor();
    expect(await welcome.getByRole('link', { name: 'Import contacts' }).getAttribute('href')).toBe('/import');

    // Add a contact, with a validation message beside the field the server refused.
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.getByRole('link', { name: 'New contact' }).click();
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Organization').fill('Analytical Engines');
    const phones = page.getByRole('textbox', { name: 'Phones' });
    await phones.fill('12345');
    await phones.press('Enter');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByText(/“12345”/).waitFor();
    await phones.press('Backspace'); // removes the refused number
    await phones.fill('+44 20 7946 0958');
    await phones.press('Enter');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    contactUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
    await page.getByText('+442079460958').waitFor();

    // Quick log with the keyboard shortcut.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'With' }).fill('Ada');
    await page.getByRole('option', { name: 'Ada Lovelace' }).click();
    await dialog.getByLabel('Summary').fill('Talked about the difference engine roadmap');
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await page.getByText('Interaction logged').waitFor();
    await page.getByText('Talked about the difference engine roadmap').first().waitFor();

    // Find it with the command palette, from another page.
    await page.getByRole('link', { name: 'Home' }).click();
    await page.keyboard.press('Control+k');
    await page.getByPlaceholder(/Search contacts and interactions/).fill('roadmap');
    const hit = page.getByRole('button', { name: /difference engine roadmap/ }).first();
    await hit.waitFor();
    await hit.click();
    await page.waitForURL(`**${contactUrl}`);

    // The timeline shows it.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect(page.getByText('Talked about the difference engine roadmap').count()).resolves.toBeGreaterThan(0);

    // Edit the interaction on the timeline; the change survives a reload.
    await page.getByRole('button', { name: 'Edit “Talked about the difference engine roadmap”' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit interaction' });
    await editDialog.getByRole('textbox', { name: /Summary/ }).fill('Reviewed the analytical engine roadmap');
    await editDialog.getByRole('button', { name: 'Save' }).click();
    await editDialog.waitFor({ state: 'hidden' });
    await page.getByText('Reviewed the analytical engine roadmap').first().waitFor();
    await page.reload();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByText('Reviewed the analytical engine roadmap').first().waitFor();
    expect(await page.getByText('Talked about the difference engine roadmap').count()).toBe(0);

    // Delete it, after confirming; the timeline is empty again.
    await page.getByRole('button', { name: 'Delete “Reviewed the analytical engine roadmap”' }).click();
    await page.getByRole('dialog', { name: 'Delete this interaction?' }).getByRole('button', { name: 'Delete interaction' }).click();
    await page.getByText('No interactions yet').waitFor();

    // Edit.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Name').fill('Ada King');
    await page.getByLabel('Role').fill('Countess of Lovelace');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ada King' }).waitFor();
    await page.getByText('Countess of Lovelace at Analytical Engines').waitFor();

    // A reload of the contact URL lands on the same page (deep link).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ada King' }).waitFor();

    // Delete, with confirmation.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog', { name: /Delete Ada King/ }).getByRole('button', { name: 'Delete contact' }).click();
    await page.waitForURL('**/contacts');
    await page.getByText('No contacts yet').waitFor();
    await page.goto(contactUrl);
    await page.getByText('Contact not found').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });

  it("a second account opening the first account's contact URL sees not found", async () => {
    const first = await newPage(browser, server.url);
    await first.page.goto('/sign-in');
    await first.page.getByLabel('Email').fill('priya@example.com');
    await first.page.getByLabel('Password').fill('correct horse battery staple');
    await first.page.getByRole('button', { name: 'Sign in' }).click();
    await first.page.getByRole('heading', { level: 1, name: /Priya/ }).waitFor();
    const created = await first.context.request.post('/api/v1/contacts', { data: { name: 'Grace Hopper' }, headers: { origin: server.url } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await first.page.goto(`/contacts/${id}`);
    await first.page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();

    const second = await newPage(browser, server.url);
    await signUp(second.page, 'Sam Lee', 'sam@example.com');
    await second.page.goto(`/contacts/${id}`);
    await second.page.getByText('Contact not found').waitFor();
    expect(await second.page.getByText('Grace Hopper').count()).toBe(0);

    // Signing out protects the pages again.
    await second.page.getByRole('button', { name: 'Account menu' }).click();
    await second.page.getByRole('menuitem', { name: 'Sign out' }).click();
    await second.page.waitForURL('**/sign-in');
    await second.page.goto(`/contacts/${id}`);
    await second.page.waitForURL('**/sign-in');
    await first.context.close();
    await second.context.close();
  });

  it('a new account loads the demo data with one click and lands on a full home page; the first contacts page follows quickly; keyboard-first', async () => {
    const { context, page } = await newPage(browser, server.url);
    await watchFirstRows(context);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUp(page, 'Lena Park', 'lena@example.com');
    const started = Date.now();
    await page.getByRole('region', { name: 'Welcome to Rapport' }).getByRole('button', { name: 'Load demo data' }).click();
    await page.getByText('Demo data loaded').waitFor({ timeout: 120_000 });
    const loadMs = Date.now() - started;
    await page.getByRole('heading', { name: /^Today · / }).waitFor();
    expect(await page.getByRole('region', { name: 'Welcome to Rapport' }).count()).toBe(0);

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    // The first click finds nothing cached; later ones render the cached first page while refetching it.
    const viaClick = await measureRuns(3, async () => {
      await nav.getByRole('link', { name: 'Home' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      return clickToFirstRows(page, () => nav.getByRole('link', { name: 'Contacts', exact: true }).click());
    });
    const cold = await measureRuns(3, () => loadToFirstRows(page, '/contacts'));
    // Reported, not asserted (docs/performance.md): the target is the first page within 1 s.
    console.log(`demo data (300 contacts) loaded from the button in ${loadMs} ms; first contacts rows after clicking Contacts: ${viaClick.text}; after a full load of /contacts: ${cold.text}`);
    expect(await page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').count()).toBeGreaterThan(5);

    // Keyboard first, in a real browser: / filters, J walks the list, Enter opens, G C comes back, ? helps.
    await page.keyboard.press('/');
    const filter = page.getByRole('textbox', { name: 'Filter contacts' });
    expect(await filter.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('j'); // typed into the filter, not a shortcut
    expect(await filter.inputValue()).toBe('j');
    await filter.fill('');
    await filter.blur();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const focused = page.locator('[role="listitem"][data-index="1"] a');
    expect(await focused.evaluate((el) => el === document.activeElement)).toBe(true);
    const name = (await focused.locator('p').first().textContent()) ?? '';
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await page.waitForURL((url) => url.pathname === '/contacts');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');

    // A second click (another tab) is refused: the account is no longer empty.
    const again = await context.request.post('/api/v1/demo', { data: {}, headers: { origin: server.url } });
    expect(again.status()).toBe(409);
    expect(errors).toEqual([]);
    await context.close();
  });
});
