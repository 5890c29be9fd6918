import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeApi, me, renderApp } from '../../test/render';

// Transform the lazy pages before the tests, so a busy machine does not eat the waits of findBy*.
beforeAll(async () => {
  await Promise.all([import('./communities-page'), import('./community-page')]);
}, 60_000);

const weeks = Array.from({ length: 12 }, (_, i) => ({ weekStart: `2026-0${i < 8 ? 3 : 4}-${String((i % 8) * 3 + 1).padStart(2, '0')}`, count: i === 11 ? 1 : i % 3 }));
const community = (overrides: Record<string, unknown> = {}) => ({
  id: 'k1',
  name: 'Remote Leaders',
  platform: 'Slack',
  link: null,
  role: 'moderator',
  weeklyGoal: 2,
  notes: null,
  thisWeek: 1,
  streak: 3,
  weeks,
  members: 4,
  contributions: 12,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...overrides,
});

describe('Communities', () => {
  it('teaches the habit when empty, then shows each community with its activity against the goal', async () => {
    let items: unknown[] = [];
    fakeApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/communities': () => ({ body: { items } }) });
    const first = renderApp('/communities');
    expect(await screen.findByText('No communities yet')).toBeInTheDocument();
    expect(screen.getByText(/one or two\s+contributions a week/)).toBeInTheDocument();
    first.unmount();
    items = [community()];
    renderApp('/communities');
    const card = await screen.findByRole('link', { name: 'Remote Leaders' });
    expect(within(card).getByText('1 of 2 this week · 3-week streak')).toBeInTheDocument();
    expect(within(card).getByRole('img', { name: /Contributions per week/ })).toBeInTheDocument();
  });

  it('records a contribution from the community page', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/communities/k1': { body: community() },
      'GET /api/v1/communities/k1/contributions': { body: { items: [] } },
      'GET /api/v1/communities/k1/members': { body: { items: [{ contactId: 'c1', contactName: 'Ada Lovelace', context: 'runs the demos', addedAt: '' }] } },
      'POST /api/v1/communities/k1/contributions': ({ body }) => ({ status: 201, body: { id: 'x1', ...(body as object), link: null, occurredOn: '2026-05-13', createdAt: '' } }),
      'GET /api/v1/contacts': { body: { items: [], nextCursor: null } },
    });
    renderApp('/communities/k1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Remote Leaders' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/contacts/c1');
    const form = screen.getByRole('form', { name: 'Record a contribution' });
    await userEvent.type(within(form).getByLabelText('What you contributed'), 'Answered a question on async standups');
    await userEvent.click(within(form).getByRole('button', { name: 'Record' }));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ kind: 'answer', title: 'Answered a question on async standups', link: null });
  });
});
