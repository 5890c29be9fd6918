import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeApi, me, problem, renderApp } from '../../test/render';

const chat = (overrides: Record<string, unknown> = {}) => ({
  id: 'ch1',
  contactId: 'c1',
  contactName: 'Grace Hopper',
  kind: 'informational_interview',
  purpose: 'career_path',
  status: 'scheduled',
  topic: 'Moving into DevRel',
  scheduledAt: '2026-05-20T14:00:00.000Z',
  durationMinutes: 30,
  questions: [],
  notes: null,
  outcome: null,
  outcomeNotes: null,
  source: 'booking',
  thankYouFollowUp: null,
  heldAt: null,
  createdAt: '2026-05-01T00:00:00Z',
  updatedAt: '2026-05-01T00:00:00Z',
  ...overrides,
});

const prep = (c: ReturnType<typeof chat>) => ({
  chat: c,
  contact: { id: 'c1', name: 'Grace Hopper', headline: null, organization: 'Navy', title: 'Rear Admiral', location: null, timezone: null, howWeMet: 'Booked a chat', socialProfiles: [] },
  history: { interactions: [], notes: [], events: [{ id: 'e1', name: 'CompilerConf', startsOn: '2026-03-01', context: 'COBOL' }], chats: [] },
});

const bank = { items: [{ id: 'q1', purpose: 'career_path', text: 'How did you get to where you are today?', position: 0 }, { id: 'q2', purpose: 'role', text: 'What does a typical week look like?', position: 0 }] };

// Transform the lazy pages before the tests, so a busy machine does not eat the waits of findBy*.
beforeAll(async () => {
  await Promise.all([import('./chats-page'), import('./chat-page'), import('../booking/book-page')]);
}, 60_000);

describe('Coffee chats', () => {
  it('teaches the habit when empty, then shows the pipeline by stage', async () => {
    let items: unknown[] = [];
    fakeApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/chats': () => ({ body: { items, nextCursor: null } }) });
    const first = renderApp('/chats');
    expect(await screen.findByText('No chats yet')).toBeInTheDocument();
    expect(screen.getByText(/send a thank-you the next day/)).toBeInTheDocument();
    first.unmount();
    items = [chat(), chat({ id: 'ch2', status: 'idea', contactName: 'Ada Lovelace', topic: 'Engines', scheduledAt: null, source: 'manual' })];
    renderApp('/chats');
    const scheduled = await screen.findByRole('region', { name: 'Scheduled' });
    expect(within(scheduled).getByRole('link', { name: 'Grace Hopper: Moving into DevRel' })).toHaveAttribute('href', '/chats/ch1');
    expect(within(scheduled).getByText('Booked')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Idea' })).getByText('Engines')).toBeInTheDocument();
  });

  it('prep sheet: who they are, pick questions, and mark the chat held', async () => {
    let current = chat();
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/chats/ch1/prep': () => ({ body: prep(current) }),
      'GET /api/v1/chat-questions': { body: bank },
      'PATCH /api/v1/chats/ch1': ({ body }) => {
        const b = body as Record<string, unknown>;
        current = chat({ ...b, ...(b.status === 'held' && { thankYouFollowUp: { id: 'f1', dueOn: '2026-05-21', done: false } }) });
        return { body: current };
      },
    });
    renderApp('/chats/ch1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Moving into DevRel' })).toBeInTheDocument();
    expect(screen.getByText('Rear Admiral at Navy')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CompilerConf' })).toHaveAttribute('href', '/events/e1');
    expect(screen.getByRole('link', { name: /Calendar invitation/ })).toHaveAttribute('href', '/api/v1/chats/ch1/invitation.ics');

    await userEvent.click(await screen.findByRole('checkbox', { name: 'How did you get to where you are today?' }));
    await userEvent.type(screen.getByLabelText('1. How did you get to where you are today?'), 'By accident');
    await userEvent.click(screen.getByRole('button', { name: 'Save prep sheet' }));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ questions: [{ text: 'How did you get to where you are today?', purpose: 'career_path', answer: 'By accident' }], notes: null });

    await userEvent.click(screen.getByRole('button', { name: 'We talked' }));
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ status: 'held' });
    expect(await screen.findByText(/Thank-you follow-up due/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Thank-you sent' })).toBeInTheDocument();
  });
});

describe('Public booking page', () => {
  it('shows open times in the visitor’s zone with the host’s, books one and offers the invitation; a taken time is refused clearly', async () => {
    let taken = true;
    const { calls } = fakeApi({
      'GET /api/public/book/priya': { body: { host: 'Priya', title: null, timezone: 'Europe/Berlin', slotMinutes: 30, slots: [{ start: '2026-05-12T07:00:00.000Z', end: '2026-05-12T07:30:00.000Z' }, { start: '2026-05-12T07:45:00.000Z', end: '2026-05-12T08:15:00.000Z' }] } },
      'POST /api/public/book/priya': ({ body }) => {
        if (taken) {
          taken = false;
          return problem(409, 'conflict', 'That time was just booked by someone else; pick another', [{ path: 'start', message: 'is no longer free' }]);
        }
        const b = body as { start: string; topic: string };
        return { status: 201, body: { start: b.start, end: '2026-05-12T08:15:00.000Z', host: 'Priya', hostTimezone: 'Europe/Berlin', topic: b.topic, ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' } };
      },
    });
    renderApp('/book/priya');
    expect(await screen.findByRole('heading', { name: 'A coffee chat with Priya' })).toBeInTheDocument();
    expect(screen.getByText(/Priya is in Europe\/Berlin/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    const times = screen.getAllByRole('checkbox');
    expect(times).toHaveLength(2);
    await userEvent.click(times[1]!);
    await userEvent.type(screen.getByLabelText(/Your name/), 'Sam Lee');
    await userEvent.type(screen.getByLabelText(/Your email/), 'sam@example.com');
    await userEvent.type(screen.getByLabelText(/talk about/), 'DevRel');
    await userEvent.click(screen.getByRole('button', { name: 'Book this time' }));
    expect(await screen.findByText('is no longer free')).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('checkbox')[1]!);
    await userEvent.click(screen.getByRole('button', { name: 'Book this time' }));
    expect(await screen.findByRole('heading', { name: 'You are booked with Priya' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Add to your calendar/ })).toBeInTheDocument();
    const post = calls.filter((c) => c.method === 'POST').at(-1)!;
    expect(post.body).toMatchObject({ start: '2026-05-12T07:45:00.000Z', name: 'Sam Lee', email: 'sam@example.com', topic: 'DevRel' });
    expect(calls.some((c) => c.path.startsWith('/api/v1'))).toBe(false);
  });
});
