import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, me, renderApp } from '../../test/render';

const insights = {
  timezone: 'UTC',
  kinds: ['call', 'email'],
  interactionsPerWeek: [
    { weekStart: '2026-02-23', total: 3, byKind: { call: 2, email: 1 } },
    { weekStart: '2026-03-02', total: 1, byKind: { call: 1 } },
  ],
  circles: [{ circle: 'close', contacts: 4, averageStrength: 41.5, buckets: [1, 1, 1, 1, 0] }],
  fading: [{ contactId: 'c1', name: 'Faded Friend', circle: 'close', lastInteractionAt: '2025-10-19T15:00:00Z', daysSince: 136, reason: 'no contact for 136 days, usually every 30' }],
  goalStreaks: [{ metric: 'reach_outs', label: 'Reach-outs', target: 2, streak: 3, history: [{ weekStart: '2026-03-02', count: 2, met: true }] }],
};

describe('Insights page', () => {
  it('shows the fading ties with their reason and loads the charts on demand', async () => {
    const { calls } = fakeApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/insights': { body: insights } });
    renderApp('/insights');
    expect(await screen.findByRole('link', { name: 'Faded Friend' })).toHaveAttribute('href', '/contacts/c1');
    expect(screen.getByText('no contact for 136 days, usually every 30')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Interactions per week' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Strength by circle' })).toBeInTheDocument();
    expect(screen.getByText('Streak: 3 weeks · target 2 a week')).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/v1/insights')).toBeTruthy();
  });
});
