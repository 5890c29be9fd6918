import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newPage, signUpInBrowser, useServerAndBrowser } from './harness';

const ctx = useServerAndBrowser();


describe('export and backup in Chromium', () => {
  it('downloads a vCard and a backup from Settings, and restores the backup into a new account', async () => {
    const first = await newPage(ctx.browser, ctx.server.url);
    const errors: string[] = [];
    first.page.on('pageerror', (e) => errors.push(e.message));
    await signUpInBrowser(first.page, 'Priya Raman', 'priya-backup@example.com');
    // The page's own session adds a contact through the API (same origin, so the CSRF check passes).
    const created = await first.page.evaluate(async () => {
      const res = await fetch('/api/v1/contacts', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ada Lovelace', emails: ['ada@example.com'], tags: ['math, logic'], howWeMet: 'Salon; 1833' }),
      });
      return res.status;
    });
    expect(created).toBe(201);

    await first.page.goto('/settings');
    await first.page.getByRole('heading', { name: 'Export and backup' }).waitFor();
    await first.page.getByRole('heading', { name: 'Export and backup' }).scrollIntoViewIfNeeded();
    await first.page.screenshot({ path: 'test-results/screenshots/settings-export.png', fullPage: true });
    const [vcard] = await Promise.all([first.page.waitForEvent('download'), first.page.getByRole('link', { name: 'Contacts (vCard 4.0)' }).click()]);
    expect(vcard.suggestedFilename()).toMatch(/^rapport-contacts-\d{4}-\d{2}-\d{2}\.vcf$/);
    const card = readFileSync((await vcard.path())!, 'utf8');
    expect(card).toContain('FN:Ada Lovelace\r\n');
    expect(card).toContain('CATEGORIES:math\\, logic\r\n');
    const [backup] = await Promise.all([first.page.waitForEvent('download'), first.page.getByRole('link', { name: 'Full backup (JSON)' }).click()]);
    // Downloads go away with their browser context: keep a copy for the second account.
    const backupPath = join(mkdtempSync(join(tmpdir(), 'rapport-e2e-backup-')), backup.suggestedFilename());
    await backup.saveAs(backupPath);
    expect(JSON.parse(readFileSync(backupPath, 'utf8'))).toMatchObject({ format: 'rapport-backup', version: 1 });
    await first.context.close();

    const second = await newPage(ctx.browser, ctx.server.url);
    second.page.on('pageerror', (e) => errors.push(e.message));
    await signUpInBrowser(second.page, 'Sam Carter', 'sam-restore@example.com');
    await second.page.goto('/settings');
    await second.page.locator('input[type="file"]').setInputFiles(backupPath);
    await second.page.getByRole('button', { name: 'Restore…' }).click();
    const dialog = second.page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.waitFor();
    await second.page.waitForTimeout(400); // the modal's fade-in
    await second.page.screenshot({ path: 'test-results/screenshots/settings-restore-confirm.png' });
    await dialog.getByRole('button', { name: 'Restore backup' }).click();
    await second.page.getByText('Backup restored: 1 contact and everything with them').waitFor();
    await second.page.goto('/contacts');
    await second.page.getByRole('link', { name: /Ada Lovelace/ }).first().waitFor();
    expect(errors).toEqual([]);
    await second.context.close();
  });
});
