import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeApi, me, renderApp } from '../../test/render';

const event = (overrides: Record<string, unknown> = {}) => ({
  id: 'e1',
  name: 'RemoteConf 2026',
  link: 'https://remoteconf.example',
  organizer: null,
  startsOn: '2026-05-10',
  endsOn: '2026-05-11',
  timezone: 'UTC',
  role: 'speaker',
  notes: null,
  met: 0,
  followedUp: 0,
  waiting: 0,
  createdAt: '2026-05-12T00:00:00Z',
  updatedAt: '2026-05-12T00:00:00Z',
  ...overrides,
});

const person = (overrides: Record<string, unknown> = {}) => ({
  contactId: 'c1',
  contactName: 'Ada Lovelace',
  headline: null,
  context: 'async standups',
  metAt: '2026-05-12T00:00:00Z',
  status: 'waiting',
  followUp: { id: 'f1', dueOn: '2026-05-15', reason: 'Follow up from RemoteConf 2026: async standups', done: false },
  suggestedMessage: 'Hi Ada, great to meet you at RemoteConf 2026!',
  ...overrides,
});

// Transform the lazy pages before the tests, so a busy machine does not eat the waits of findBy*.
beforeAll(async () => {
  await Promise.all([import('./events-page'), import('./event-page')]);
}, 60_000);

describe('Events', () => {
  it('teaches the habit when there are none, and lists events with their progress', async () => {
    let items: unknown[] = [];
    fakeApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/events': () => ({ body: { items, nextCursor: null } }) });
    const first = renderApp('/events');
    expect(await screen.findByText('No events yet')).toBeInTheDocument();
    expect(screen.getByText(/follow-up due within three days/)).toBeInTheDocument();
    first.unmount();
    items = [event({ met: 14, followedUp: 9, waiting: 5 })];
    renderApp('/events');
    const card = await screen.findByRole('link', { name: 'RemoteConf 2026' });
    expect(within(card).getByText(/Met/)).toHaveTextContent('Met 14, followed up 9 · 5 waiting');
    expect(within(card).getByRole('progressbar', { name: '9 of 14 followed up' })).toBeInTheDocument();
  });

  it('adds a person met as "Name: context" in one line, and marks a follow-up done', async () => {
    let people: unknown[] = [];
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/events/e1': () => ({ body: event({ met: people.length, waiting: people.length }) }),
      'GET /api/v1/events/e1/people': () => ({ body: { items: people } }),
      'POST /api/v1/events/e1/people': () => {
        people = [person()];
        return { status: 201, body: { items: [{ ...person(), created: true }] } };
      },
      'PATCH /api/v1/follow-ups/f1': () => {
        people = [person({ status: 'followed_up', followUp: { ...person().followUp, done: true } })];
        return { body: {} };
      },
      'GET /api/v1/contacts': { body: { items: [], nextCursor: null } },
    });
    renderApp('/events/e1');
    expect(await screen.findByText('No one added yet')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Add a new person' });
    await userEvent.type(within(form).getByLabelText(/New person/), 'Ada Lovelace: async standups{Enter}');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ people: [{ name: 'Ada Lovelace', context: 'async standups' }], followUpInDays: 3 });
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/contacts/c1');
    expect(screen.getByText(/Follow up by/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Mark followed up' }));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ done: true });
    expect(await screen.findByText('Followed up', { selector: '.mantine-Badge-label' })).toBeInTheDocument();
  });
});
