import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newPage, signUpInBrowser, useServerAndBrowser } from './harness';

const ctx = useServerAndBrowser();

const fixture = (name: string) => fileURLToPath(new URL(`../src/server/domains/imports/fixtures/${name}`, import.meta.url));


describe('import wizard and duplicates in Chromium', () => {
  it('previews a LinkedIn export with its problem rows, imports it, undoes it; merges duplicates side by side', async () => {
    const { page } = await newPage(ctx.browser, ctx.server.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUpInBrowser(page, 'Priya Raman', 'priya-import@example.com');

    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import contacts' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(fixture('linkedin-connections.csv'));
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    await page.getByText('LinkedIn Connections.csv, 6 rows').waitFor();
    expect(await page.getByTestId('count-new').textContent()).toBe('4');
    const problems = page.getByRole('table', { name: 'Rows with problems' });
    await expect(problems.getByText('"not-an-email" is not an email address').count()).resolves.toBe(1);
    await page.screenshot({ path: 'test-results/screenshots/import-preview.png', fullPage: true });

    await page.getByRole('button', { name: 'Import 4 new, merge 0' }).click();
    await page.getByText('Imported.').waitFor();
    await page.getByRole('table', { name: 'Past imports' }).getByText('linkedin-connections.csv').waitFor();
    await page.screenshot({ path: 'test-results/screenshots/import-done.png', fullPage: true });
    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByText('The import was undone.').waitFor();

    // Two contacts that are one person.
    const status = await page.evaluate(async () => {
      const post = (body: object) => fetch('/api/v1/contacts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status);
      return [
        await post({ name: 'Ada Lovelace', emails: ['ada@example.com'], organization: 'Analytical Engines' }),
        await post({ name: 'A. Lovelace', emails: ['ADA@example.com'], phones: ['+44 20 7946 0958'], tags: ['math'] }),
      ];
    });
    expect(status).toEqual([201, 201]);
    await page.getByRole('link', { name: 'Duplicates', exact: true }).click();
    const group = page.getByRole('region', { name: /Possible duplicates/ });
    await group.waitFor();
    await group.getByText('same email ada@example.com').waitFor();
    await page.screenshot({ path: 'test-results/screenshots/duplicates.png', fullPage: true });
    await group.getByRole('button', { name: /^Merge 1 into/ }).click();
    await page.getByText('No likely duplicates').waitFor();
    expect(errors).toEqual([]);
  });
});
