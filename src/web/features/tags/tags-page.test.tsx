import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, me, renderApp } from '../../test/render';

describe('Tags page', () => {
  it('recolours a tag, refusing a colour that is not hex', async () => {
    let tag = { id: 't1', name: 'math', color: null as string | null, contactCount: 2, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tags': () => ({ body: { items: [tag], nextCursor: null } }),
      'PATCH /api/v1/tags/t1': ({ body }) => {
        tag = { ...tag, ...(body as object) };
        return { body: tag };
      },
    });
    renderApp('/tags');
    await userEvent.click(await screen.findByRole('button', { name: 'Recolour math' }));
    const dialog = await screen.findByRole('dialog', { name: 'Colour of math' });
    const input = within(dialog).getByRole('textbox', { name: 'Colour' });
    await userEvent.type(input, 'blue');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save colour' }));
    expect(await within(dialog).findByText('Use a hex colour such as #3b82f6')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    await userEvent.clear(input);
    await userEvent.type(input, '#22C55E');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save colour' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ color: '#22c55e' });
  });

  it('deletes a tag only after confirming, saying how many contacts lose it', async () => {
    let items = [{ id: 't1', name: 'math', color: null, contactCount: 2, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }];
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tags': () => ({ body: { items, nextCursor: null } }),
      'DELETE /api/v1/tags/t1': () => {
        items = [];
        return { status: 204 };
      },
    });
    renderApp('/tags');
    await userEvent.click(await screen.findByRole('button', { name: 'Delete math' }));
    let dialog = await screen.findByRole('dialog', { name: 'Delete tag math?' });
    expect(dialog).toHaveTextContent('It is removed from 2 contacts; the contacts stay.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Delete math' }));
    dialog = await screen.findByRole('dialog', { name: 'Delete tag math?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete tag' }));
    expect(await screen.findByText('No tags yet')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/tags/t1']);
  });
});
