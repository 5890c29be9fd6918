import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, me, problem, renderApp } from '../../test/render';

const org = (overrides: Record<string, unknown> = {}) => ({
  id: 'o1',
  name: 'Analytical Engines',
  domain: 'engines.example',
  website: null,
  notes: null,
  contactCount: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('Organizations page', () => {
  it('edits an organization and shows a duplicate name (409) beside the name field', async () => {
    let current = org();
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/organizations': () => ({ body: { items: [current], nextCursor: null } }),
      'PATCH /api/v1/organizations/o1': ({ body }) => {
        const input = body as { name: string };
        if (input.name === 'Babbage & Co') return problem(409, 'conflict', 'An organization named “Babbage & Co” already exists');
        current = { ...current, ...(body as object) };
        return { body: current };
      },
    });
    renderApp('/organizations');
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Analytical Engines' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Analytical Engines' });
    const name = within(dialog).getByRole('textbox', { name: /^Name/ });
    await userEvent.clear(name);
    await userEvent.type(name, 'Babbage & Co');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('An organization named “Babbage & Co” already exists')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(name);
    await userEvent.type(name, 'Engines Ltd');
    await userEvent.clear(within(dialog).getByRole('textbox', { name: 'Domain' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Website' }), 'https://engines.example');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Notes' }), 'Founded 1834');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('link', { name: 'Engines Ltd' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ name: 'Engines Ltd', domain: null, website: 'https://engines.example', notes: 'Founded 1834' });
  });

  it('deletes an organization only after confirming; its contacts stay', async () => {
    let items = [org()];
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/organizations': () => ({ body: { items, nextCursor: null } }),
      'DELETE /api/v1/organizations/o1': () => {
        items = [];
        return { status: 204 };
      },
    });
    renderApp('/organizations');
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Analytical Engines' }));
    let dialog = await screen.findByRole('dialog', { name: 'Delete Analytical Engines?' });
    expect(dialog).toHaveTextContent('Its contacts stay; they just lose the organization.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Delete Analytical Engines' }));
    dialog = await screen.findByRole('dialog', { name: 'Delete Analytical Engines?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete organization' }));
    expect(await screen.findByText('No organizations yet')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/organizations/o1']);
  });
});
