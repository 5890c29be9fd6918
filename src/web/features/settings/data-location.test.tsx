import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, me, renderApp } from '../../test/render';

const none = { file: null, host: null, port: null, name: null };

function settingsWith(database: object) {
  fakeApi({
    'GET /api/v1/me': { body: me },
    'GET /api/v1/tokens': { body: { items: [] } },
    'GET /api/v1/instance': { body: { version: '0.1.0', database } },
  });
  renderApp('/settings');
}

describe('Settings: where the data lives', () => {
  it('shows the SQLite file to the admin', async () => {
    settingsWith({ ...none, kind: 'sqlite', file: '/home/priya/.local/share/rapport/rapport.db' });
    const table = await screen.findByRole('table', { name: 'Data location' });
    expect(within(table).getByRole('row', { name: /Database SQLite/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /File/ })).toHaveTextContent('/home/priya/.local/share/rapport/rapport.db');
    expect(screen.queryByText(/Only the admin sees/)).not.toBeInTheDocument();
  });

  it('shows the PostgreSQL server and database', async () => {
    settingsWith({ ...none, kind: 'postgres', host: 'db.internal', port: 6543, name: 'rapport_prod' });
    const table = await screen.findByRole('table', { name: 'Data location' });
    expect(within(table).getByRole('row', { name: /Database PostgreSQL/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Server/ })).toHaveTextContent('db.internal:6543');
    expect(within(table).getByRole('row', { name: /Database name/ })).toHaveTextContent('rapport_prod');
  });

  it('shows only the kind to a member, and says why', async () => {
    settingsWith({ ...none, kind: 'postgres' });
    const table = await screen.findByRole('table', { name: 'Data location' });
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual(['DatabasePostgreSQL', 'Rapport version0.1.0']);
    expect(screen.getByText(/Only the admin sees where it is stored/)).toBeInTheDocument();
  });
});
