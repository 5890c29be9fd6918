import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeApi, me, renderApp } from '../../test/render';

// Transform the lazy pages before the tests, so a busy machine does not eat the waits of findBy*.
beforeAll(async () => {
  await Promise.all([import('./mentorships-page'), import('./mentorship-page')]);
}, 60_000);

const mentorship = (overrides: Record<string, unknown> = {}) => ({
  id: 'm1',
  contactId: 'c1',
  contactName: 'Grace Hopper',
  role: 'mentee',
  status: 'active',
  focus: 'Becoming a staff engineer',
  cadenceDays: 14,
  startedOn: '2026-05-01',
  nextSessionOn: '2026-05-26',
  lastSessionAt: null,
  notes: null,
  goals: [{ id: 'g1', title: 'Lead a project', status: 'open', createdAt: '', updatedAt: '' }],
  actions: [{ id: 'a1', title: 'Write the design doc', dueOn: '2026-05-20', done: false, followUpId: 'f1', createdAt: '' }],
  createdAt: '2026-05-01T00:00:00Z',
  updatedAt: '2026-05-01T00:00:00Z',
  ...overrides,
});

describe('Mentorships', () => {
  it('teaches the habit when empty and finds a mentor with a request to copy', async () => {
    fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/mentorships': { body: { items: [], nextCursor: null } },
      'GET /api/v1/mentorships/candidates': { body: { items: [{ contactId: 'c9', name: 'Linus Close', headline: 'PM lead', tags: ['pm'], strength: { score: 62, band: 'close', trend: 'steady', reasons: [] }, requestMessage: 'Hi Linus, …' }] } },
      'GET /api/v1/contacts': { body: { items: [], nextCursor: null } },
    });
    renderApp('/mentorships');
    expect(await screen.findByText('No mentorships yet')).toBeInTheDocument();
    expect(screen.getByText(/show up on your Today list/)).toBeInTheDocument();
    expect(await screen.findByText('Linus Close')).toBeInTheDocument();
    expect(screen.getByText('strength 62')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy request' })).toBeInTheDocument();
  });

  it('shows goals, action items and sessions; completing an action item and logging a session call the API', async () => {
    let current = mentorship();
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/mentorships/m1': () => ({ body: current }),
      'GET /api/v1/mentorships/m1/sessions': { body: { items: [] } },
      'PATCH /api/v1/mentorship-actions/a1': () => {
        current = mentorship({ actions: [{ ...mentorship().actions[0], done: true }] });
        return { body: current.actions[0] };
      },
      'POST /api/v1/mentorships/m1/sessions': ({ body }) => ({ status: 201, body: { id: 's1', occurredAt: '2026-05-12T09:00:00Z', summary: (body as { summary: string }).summary, notes: null, durationMinutes: 30 } }),
    });
    renderApp('/mentorships/m1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Becoming a staff engineer' })).toBeInTheDocument();
    expect(screen.getByText(/Next session by/)).toBeInTheDocument();
    expect(screen.getByText('Lead a project')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: /Write the design doc/ }));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ done: true });
    const form = screen.getByRole('form', { name: 'Log a session' });
    await userEvent.type(within(form).getByLabelText('What you talked about'), 'Reviewed the doc');
    await userEvent.click(within(form).getByRole('button', { name: 'Log session' }));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ summary: 'Reviewed the doc', durationMinutes: 30 });
  });
});
