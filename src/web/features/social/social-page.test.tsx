import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeApi, me, renderApp } from '../../test/render';

// Transform the lazy page before the tests, so a busy machine does not eat the waits of findBy*.
beforeAll(async () => {
  await import('./social-page');
}, 60_000);

const post = (overrides: Record<string, unknown> = {}) => ({
  id: 'p1',
  topic: 'Lessons from remote onboarding',
  status: 'idea',
  platform: 'LinkedIn',
  body: null,
  plannedOn: null,
  publishedOn: null,
  link: null,
  mentions: [{ id: 'c1', name: 'Ada Lovelace' }],
  createdAt: '',
  updatedAt: '',
  ...overrides,
});

describe('Social media', () => {
  it('teaches the habit on an empty engagement log', async () => {
    fakeApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/engagements': { body: { items: [] } }, 'GET /api/v1/contacts': { body: { items: [], nextCursor: null } } });
    renderApp('/social');
    expect(await screen.findByText('No engagements yet')).toBeInTheDocument();
    expect(screen.getByText(/count, lightly/)).toBeInTheDocument();
  });

  it('content plan: posts by status, moved along, and on the calendar on their day', async () => {
    let items = [post(), post({ id: 'p2', topic: 'A scheduled one', status: 'scheduled', plannedOn: '2026-01-15', mentions: [] })];
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/content-posts': () => ({ body: { items } }),
      'PATCH /api/v1/content-posts/p1': ({ body }) => {
        items = [post({ ...(body as object) }), items[1]!];
        return { body: items[0] };
      },
    });
    renderApp('/social?tab=plan');
    const ideas = await screen.findByRole('region', { name: 'Ideas' });
    expect(within(ideas).getByText('Lessons from remote onboarding')).toBeInTheDocument();
    expect(within(ideas).getByText('LinkedIn · Ada Lovelace')).toBeInTheDocument();
    await userEvent.click(within(ideas).getByRole('button', { name: '→ Drafts' }));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'draft' });
    expect(await within(screen.getByRole('region', { name: 'Drafts' })).findByText('Lessons from remote onboarding')).toBeInTheDocument();
    // The calendar opens on this month; go to January 2026 from wherever "now" is.
    const calendar = () => screen.getByRole('grid', { name: /Content calendar/ });
    for (let i = 0; i < 48 && !/January 2026/.test(calendar().getAttribute('aria-label')!); i++) {
      const now = calendar().getAttribute('aria-label')!;
      await userEvent.click(screen.getByRole('button', { name: new Date(now.replace('Content calendar, ', '1 ')) > new Date('2026-01-01') ? 'Previous month' : 'Next month' }));
    }
    expect(within(calendar()).getByText('A scheduled one')).toBeInTheDocument();
  });
});
