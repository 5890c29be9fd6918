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

const note = (overrides: Record<string, unknown> = {}) => ({
  id: 'n1',
  contactId: contact().id,
  body: 'Likes poetry',
  pinned: false,
  createdAt: '2026-01-02T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  ...overrides,
});

describe('Contact page notes', () => {
  it('shows pinned notes first with a marker, pins, unpins and edits a note', async () => {
    const ada = contact();
    let notes = [note(), note({ id: 'n2', body: 'Met at the Royal Society', pinned: true, createdAt: '2026-01-01T10:00:00.000Z' })];
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      [`GET /api/v1/contacts/${ada.id}`]: { body: ada },
      [`GET /api/v1/contacts/${ada.id}/interactions`]: { body: { items: [], nextCursor: null } },
      [`GET /api/v1/contacts/${ada.id}/notes`]: () => ({ body: { items: notes, nextCursor: null } }),
      'PATCH /api/v1/notes/n1': ({ body }) => {
        const input = body as { body?: string; pinned?: boolean };
        if (input.body !== undefined && input.body.length > 50) return problem(400, 'validation', 'invalid', [{ path: 'body', message: 'is too long' }]);
        notes = notes.map((n) => (n.id === 'n1' ? { ...n, ...input, updatedAt: '2026-01-03T10:00:00.000Z' } : n));
        return { body: notes.find((n) => n.id === 'n1') };
      },
    });
    renderApp(`/contacts/${ada.id}`);
    await userEvent.click(await screen.findByRole('tab', { name: 'Notes' }));
    await screen.findByText('Likes poetry');
    const bodies = () => screen.getAllByText(/Likes poetry|Met at the Royal Society|Writes poems/).map((el) => el.textContent);
    expect(bodies()).toEqual(['Met at the Royal Society', 'Likes poetry']);
    expect(screen.getAllByRole('img', { name: 'Pinned' })).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Pin note' }));
    await waitFor(() => expect(screen.getAllByRole('img', { name: 'Pinned' })).toHaveLength(2));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ pinned: true });

    expect(bodies()).toEqual(['Likes poetry', 'Met at the Royal Society']);
    await userEvent.click(screen.getAllByRole('button', { name: 'Edit note' })[0]!);
    const box = screen.getByRole('textbox', { name: 'Edit note' });
    await userEvent.clear(box);
    await userEvent.type(box, 'x'.repeat(60));
    await userEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('is too long')).toBeInTheDocument();
    await userEvent.clear(box);
    await userEvent.type(box, 'Writes poems');
    await userEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Writes poems')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ body: 'Writes poems' });

    await userEvent.click(screen.getAllByRole('button', { name: 'Unpin note' })[0]!);
    await waitFor(() => expect(screen.getAllByRole('img', { name: 'Pinned' })).toHaveLength(1));
    expect(bodies()).toEqual(['Met at the Royal Society', 'Writes poems']);
  });
});
