import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, me, renderApp } from '../../test/render';

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
