import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, me, problem, renderApp } from '../../test/render';

const routes = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tokens': { body: { items: [] } },
};

async function chooseFile(content: string, name = 'rapport-backup.json') {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  await userEvent.upload(input, new File([content], name, { type: 'application/json' }));
}

describe('Settings: export and backup', () => {
  it('links every download', async () => {
    fakeApi(routes);
    renderApp('/settings');
    expect(await screen.findByRole('heading', { name: 'Export and backup' })).toBeInTheDocument();
    const link = (name: string) => screen.getByRole('link', { name }).getAttribute('href');
    expect(link('Contacts (vCard 4.0)')).toBe('/api/v1/export/contacts.vcf');
    expect(link('Contacts (vCard 3.0)')).toBe('/api/v1/export/contacts.vcf?version=3.0');
    expect(link('Contacts (CSV)')).toBe('/api/v1/export/contacts.csv');
    expect(link('Follow-ups and milestones (iCalendar)')).toBe('/api/v1/export/calendar.ics');
    expect(link('Full backup (JSON)')).toBe('/api/v1/export/backup.json');
  });

  it('restores a chosen backup only after confirmation', async () => {
    const backup = { format: 'rapport-backup', version: 1, exportedAt: '2026-03-10T12:00:00Z', data: { contact: [] } };
    const { calls } = fakeApi({ ...routes, 'POST /api/v1/restore': { body: { restored: { contact: 12 }, idsKept: true } } });
    renderApp('/settings');
    const restore = await screen.findByRole('button', { name: 'Restore…' });
    expect(restore).toBeDisabled();
    await chooseFile(JSON.stringify(backup));
    await userEvent.click(restore);
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveTextContent('rapport-backup.json');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restore backup' }));
    expect(await screen.findByText('Backup restored: 12 contacts and everything with them')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/api/v1/restore', body: backup });
  });

  it('shows why a backup was refused', async () => {
    fakeApi({ ...routes, 'POST /api/v1/restore': problem(409, 'conflict', 'This account already has data (contact); a backup restores only into an empty account. Nothing was changed') });
    renderApp('/settings');
    await screen.findByRole('button', { name: 'Restore…' });
    await chooseFile('{"format": "rapport-backup", "version": 1, "exportedAt": "x", "data": {}}');
    await userEvent.click(screen.getByRole('button', { name: 'Restore…' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore backup' }));
    expect(await screen.findByText(/only into an empty account/)).toBeInTheDocument();

    await chooseFile('not json at all', 'notes.txt');
    await userEvent.click(screen.getByRole('button', { name: 'Restore…' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore backup' }));
    expect(await screen.findByText(/notes.txt is not a Rapport backup/)).toBeInTheDocument();
  });
});
