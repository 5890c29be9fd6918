import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, me, renderApp } from '../../test/render';

describe('Settings', () => {
  it('creates a token and shows its secret once, lists tokens and revokes after confirmation', async () => {
    let tokens = [{ id: 't1', name: 'laptop', prefix: 'rap_ab12', createdAt: '2026-01-01T00:00:00Z', lastUsedAt: null, expiresAt: null }];
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tokens': () => ({ body: { items: tokens } }),
      'POST /api/v1/tokens': ({ body }) => {
        const created = { id: 't2', name: (body as { name: string }).name, prefix: 'rap_cd34', createdAt: '2026-01-02T00:00:00Z', lastUsedAt: null, expiresAt: null };
        tokens = [...tokens, created];
        return { status: 201, body: { ...created, token: 'rap_cd34_secret_value' } };
      },
      'DELETE /api/v1/tokens/t1': () => {
        tokens = tokens.filter((t) => t.id !== 't1');
        return { status: 204 };
      },
    });
    renderApp('/settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(await screen.findByText('laptop')).toBeInTheDocument();

    await userEvent.type(screen.getByRole('textbox', { name: 'Token name' }), 'backup script');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByTestId('new-token')).toHaveTextContent('rap_cd34_secret_value');
    expect(await screen.findByText('backup script')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('rap_cd34_secret_value')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Revoke laptop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke laptop?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(screen.queryByText('laptop')).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/tokens/t1']);
  });

  it('saves the account name and time zone', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tokens': { body: { items: [] } },
      'PATCH /api/v1/me': ({ body }) => ({ body: { ...me, ...(body as object) } }),
    });
    renderApp('/settings');
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Priya R.');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ name: 'Priya R.', timezone: 'UTC' }));
    expect(await screen.findByText('Account saved')).toBeInTheDocument();
  });
});
