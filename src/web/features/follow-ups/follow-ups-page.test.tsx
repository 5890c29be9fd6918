import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contact, fakeApi, me, problem, renderApp } from '../../test/render';

const followUp = (overrides: Record<string, unknown> = {}) => ({
  id: 'f1',
  contactId: 'c1',
  contactName: 'Ada Lovelace',
  dueOn: '2026-01-01',
  reason: 'Send the article',
  done: false,
  doneAt: null,
  snoozedUntil: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...overrides,
});

describe('Follow-ups page', () => {
  it('lists due follow-ups, marks one done, and switches tabs through the URL', async () => {
    let done = false;
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/follow-ups': ({ url }) => {
        const status = url.searchParams.get('status');
        if (status === 'due') return { body: { items: done ? [] : [followUp()], nextCursor: null } };
        if (status === 'done') return { body: { items: done ? [followUp({ done: true, doneAt: '2026-01-02T10:00:00Z' })] : [], nextCursor: null } };
        return { body: { items: [], nextCursor: null } };
      },
      'PATCH /api/v1/follow-ups/f1': ({ body }) => {
        done = Boolean((body as { done?: boolean }).done);
        return { body: followUp({ done }) };
      },
    });
    const { router } = renderApp('/follow-ups');
    expect(await screen.findByText('Send the article')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/contacts/c1');
    await userEvent.click(screen.getByRole('button', { name: 'Mark “Send the article” done' }));
    expect(await screen.findByText('Nothing due. You are all caught up.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ done: true });

    await userEvent.click(screen.getByRole('tab', { name: 'Done' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=done'));
    expect(await screen.findByText('Send the article')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeInTheDocument();
  });
});

describe('Follow-up create form', () => {
  it('checks the fields, finds a contact with the server search, and creates the follow-up', async () => {
    const ada = contact();
    let created = false;
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/contacts': ({ url }) => ({ body: { items: url.searchParams.get('q') === 'ada' ? [ada] : [], nextCursor: null } }),
      'GET /api/v1/follow-ups': ({ url }) => ({
        body: { items: created && url.searchParams.get('status') === 'upcoming' ? [followUp({ contactId: ada.id, reason: 'Ask about the engine', dueOn: '2030-01-01' })] : [], nextCursor: null },
      }),
      'POST /api/v1/follow-ups': ({ body }) => {
        if ((body as { reason: string }).reason === 'x') return problem(400, 'validation', 'invalid', [{ path: 'dueOn', message: 'must be a date' }]);
        created = true;
        return { status: 201, body: followUp({ ...(body as object), contactName: ada.name }) };
      },
    });
    renderApp('/follow-ups?status=upcoming');
    const form = await screen.findByRole('form', { name: 'Add a follow-up' });
    await userEvent.click(within(form).getByRole('button', { name: 'Add follow-up' }));
    expect(await within(form).findByText('Choose a contact')).toBeInTheDocument();
    expect(within(form).getByText('Say what to follow up about')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.type(within(form).getByRole('textbox', { name: /^Contact/ }), 'ada');
    await userEvent.click(await screen.findByRole('option', { name: 'Ada Lovelace' }));
    const due = within(form).getByLabelText(/^Due/);
    await userEvent.clear(due);
    await userEvent.type(due, '2030-01-01');
    await userEvent.type(within(form).getByRole('textbox', { name: /^Follow up about/ }), 'x');
    await userEvent.click(within(form).getByRole('button', { name: 'Add follow-up' }));
    expect(await within(form).findByText('must be a date')).toBeInTheDocument();

    await userEvent.clear(within(form).getByRole('textbox', { name: /^Follow up about/ }));
    await userEvent.type(within(form).getByRole('textbox', { name: /^Follow up about/ }), 'Ask about the engine');
    await userEvent.click(within(form).getByRole('button', { name: 'Add follow-up' }));
    expect(await screen.findByText('Ask about the engine', { selector: 'p, span, div, a' })).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ contactId: ada.id, dueOn: '2030-01-01', reason: 'Ask about the engine' });
    expect(calls.some((c) => c.method === 'GET' && c.path === '/api/v1/contacts')).toBe(true);
  });
});
