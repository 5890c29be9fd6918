import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, me, renderApp } from '../../test/render';

const goal = (overrides: Record<string, unknown> = {}) => ({
  id: 'g1',
  metric: 'reach_outs',
  label: 'Reach-outs',
  target: 3,
  thisWeek: 2,
  met: false,
  streak: 4,
  history: Array.from({ length: 8 }, (_, i) => ({ weekStart: `2026-0${1 + Math.floor(i / 4)}-0${1 + (i % 4)}`, count: 3, met: true })),
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...overrides,
});

const review = {
  timezone: 'UTC',
  lastWeek: {
    start: '2026-02-23',
    end: '2026-03-01',
    interactions: 7,
    interactionsByKind: { call: 4, video_call: 3 },
    reachOuts: 5,
    newContacts: 2,
    kudosGiven: 1,
    kudosReceived: 0,
    favorsGiven: 0,
    favorsReceived: 1,
    followUpsDone: 3,
    goals: [{ metric: 'reach_outs', label: 'Reach-outs', target: 3, count: 5, met: true }],
  },
  weekAhead: {
    start: '2026-03-04',
    end: '2026-03-10',
    overdueFollowUps: 2,
    followUpsDue: [
      { id: 'f1', contactId: 'c1', contactName: 'Ada Lovelace', dueOn: '2026-03-06', reason: 'Send the article', done: false, doneAt: null, snoozedUntil: null, createdAt: '', updatedAt: '' },
    ],
    birthdays: [{ contactId: 'c2', contactName: 'Grace Hopper', kind: 'birthday', title: 'Grace Hopper’s birthday', on: '2026-03-05' }],
    milestones: [],
  },
};

describe('Weekly review page', () => {
  it('shows goals with progress and streaks, last week’s numbers and the week ahead; sets and changes goals', async () => {
    let goals = [goal()];
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/goals': () => ({ body: { weekStart: '2026-03-02', weekEnd: '2026-03-08', timezone: 'UTC', items: goals } }),
      'GET /api/v1/review': { body: review },
      'POST /api/v1/goals': ({ body }) => {
        const created = goal({ id: 'g2', metric: 'kudos_given', label: 'Kudos given', target: (body as { target: number }).target, thisWeek: 0, streak: 0 });
        goals = [...goals, created];
        return { status: 201, body: created };
      },
      'PATCH /api/v1/goals/g1': ({ body }) => {
        goals = [goal({ target: (body as { target: number }).target })];
        return { body: goals[0] };
      },
    });
    renderApp('/review');
    const card = await screen.findByLabelText('Reach-outs goal');
    expect(within(card).getByText('This week: 2 of 3')).toBeInTheDocument();
    expect(within(card).getByText('Streak: 4 weeks')).toBeInTheDocument();
    expect(within(card).getByRole('progressbar', { name: 'Reach-outs: 2 of 3 this week' })).toBeInTheDocument();

    expect(await screen.findByText('Last week: Feb 23, 2026 to Mar 1, 2026')).toBeInTheDocument();
    const interactions = screen.getByText('Interactions').parentElement!;
    expect(within(interactions).getByText('7')).toBeInTheDocument();
    expect(screen.getByText(/4 Call · 3 Video call/)).toBeInTheDocument();
    expect(screen.getByText('Reach-outs: 5/3 met')).toBeInTheDocument();
    expect(screen.getByText(/2 follow-ups are overdue/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/contacts/c1');
    expect(screen.getByText(/Grace Hopper’s birthday/)).toBeInTheDocument();

    // Set a kudos goal: only the metrics without a goal are offered.
    const form = screen.getByRole('form', { name: 'Set a weekly goal' });
    const target = within(form).getByRole('textbox', { name: 'Per week' });
    await userEvent.clear(target);
    await userEvent.type(target, '2');
    await userEvent.click(within(form).getByRole('textbox', { name: 'Goal' }));
    expect(await screen.findByRole('option', { name: 'Community contributions' })).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('option', { name: 'Kudos given' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Set goal' }));
    expect(await screen.findByLabelText('Kudos given goal')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ metric: 'kudos_given', target: 2 });

    // Change the reach-out target.
    const reach = screen.getByLabelText('Reach-outs goal');
    const weekly = within(reach).getByRole('textbox', { name: 'Weekly target' });
    await userEvent.clear(weekly);
    await userEvent.type(weekly, '5');
    await userEvent.click(within(reach).getByRole('button', { name: 'Save' }));
    expect(await within(screen.getByLabelText('Reach-outs goal')).findByText('This week: 2 of 5')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ target: 5 });
  });

  it('invites to set a first goal when there is none', async () => {
    fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/goals': { body: { weekStart: '2026-03-02', weekEnd: '2026-03-08', timezone: 'UTC', items: [] } },
      'GET /api/v1/review': { body: { ...review, weekAhead: { ...review.weekAhead, overdueFollowUps: 0, followUpsDue: [], birthdays: [] } } },
    });
    renderApp('/review');
    expect(await screen.findByText('No weekly goals yet')).toBeInTheDocument();
    expect(await screen.findByText('Nothing planned for the next seven days.')).toBeInTheDocument();
  });
});
