import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contact, fakeApi, me, problem, renderApp } from '../../test/render';

const interaction = (overrides: Record<string, unknown> = {}) => ({
  id: 'i1',
  contactIds: [contact().id],
  kind: 'coffee_chat',
  occurredAt: '2026-01-05T10:00:00.000Z',
  summary: 'Talked about engines',
  notes: null,
  durationMinutes: null,
  initiatedBy: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
  ...overrides,
});

describe('Contact page timeline', () => {
  it('edits an interaction, shows field errors from the server, and refreshes the timeline', async () => {
    const ada = contact();
    let current = interaction();
    let contactReads = 0;
    let failOnce = true;
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      [`GET /api/v1/contacts/${ada.id}`]: () => {
        contactReads++;
        return { body: ada };
      },
      [`GET /api/v1/contacts/${ada.id}/interactions`]: () => ({ body: { items: [current], nextCursor: null } }),
      'PATCH /api/v1/interactions/i1': ({ body }) => {
        if (failOnce) {
          failOnce = false;
          return problem(400, 'validation', 'invalid', [{ path: 'summary', message: 'must be at most 500 characters' }]);
        }
        current = { ...current, ...(body as object) };
        return { body: current };
      },
    });
    renderApp(`/contacts/${ada.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit “Talked about engines”' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit interaction' });
    const summary = within(dialog).getByRole('textbox', { name: /Summary/ });
    await userEvent.clear(summary);
    await userEvent.type(summary, 'Talked about the difference engine');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Notes' }), 'Bring the notes next time');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Duration (minutes)' }), '45');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('must be at most 500 characters')).toBeInTheDocument();

    const readsBefore = contactReads;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Talked about the difference engine')).toBeInTheDocument();
    expect(screen.getByText('Bring the notes next time')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toMatchObject({
      kind: 'coffee_chat',
      summary: 'Talked about the difference engine',
      notes: 'Bring the notes next time',
      durationMinutes: 45,
      occurredAt: '2026-01-05T10:00:00.000Z',
    });
    // The contact (its last interaction) is read again.
    await waitFor(() => expect(contactReads).toBeGreaterThan(readsBefore));
  });

  it('deletes an interaction only after confirming', async () => {
    const ada = contact();
    let items = [interaction()];
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      [`GET /api/v1/contacts/${ada.id}`]: { body: ada },
      [`GET /api/v1/contacts/${ada.id}/interactions`]: () => ({ body: { items, nextCursor: null } }),
      'DELETE /api/v1/interactions/i1': () => {
        items = [];
        return { status: 204 };
      },
    });
    renderApp(`/contacts/${ada.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete “Talked about engines”' }));
    let dialog = await screen.findByRole('dialog', { name: 'Delete this interaction?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Delete “Talked about engines”' }));
    dialog = await screen.findByRole('dialog', { name: 'Delete this interaction?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete interaction' }));
    expect(await screen.findByText('No interactions yet')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/interactions/i1']);
  });
});
