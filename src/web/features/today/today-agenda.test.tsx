import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { contact, fakeApi, me, renderApp } from '../../test/render';

const item = (overrides: Record<string, unknown> = {}) => ({
  id: 'cadence:c1',
  type: 'cadence',
  contactId: 'c1',
  contactName: 'Ada Lovelace',
  circle: 'close',
  title: 'Keep in touch with Ada Lovelace',
  reason: 'no contact for 94 days, usually every 30',
  date: '2026-05-01',
  actions: ['log', 'done', 'snooze', 'draft'],
  draftPurpose: 'reconnect',
  eventName: null,
  ...overrides,
});

describe('Home page: the Today agenda', () => {
  it('shows each item with its reason, drafts and copies a message, snoozes and marks done', async () => {
    let items = [
      item({ id: 'follow_up:f1', type: 'follow_up', contactId: 'c2', contactName: 'Grace Hopper', title: 'Send the slides', reason: 'follow-up due 2 days ago', draftPurpose: 'follow_up' }),
      item(),
      item({ id: 'milestone:m1@2026-06-17', type: 'milestone', contactId: 'c3', contactName: 'Bea Bell', title: 'Bea Bell’s birthday', reason: 'birthday in 2 days', actions: ['log', 'done', 'draft'], draftPurpose: 'congratulations', eventName: 'your birthday' }),
    ];
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/contacts': { body: { items: [contact()], nextCursor: null } },
      'GET /api/v1/today': () => ({ body: { date: '2026-06-15', timezone: 'UTC', budget: 7, items, more: 4 } }),
      'POST /api/v1/templates/preview': ({ body }) => ({
        body: { templateId: 'builtin:reconnect', purpose: (body as { purpose: string }).purpose, text: 'Hi Ada, it has been 94 days since we last talked about engines.', variables: {} },
      }),
      'POST /api/v1/today/actions': ({ body }) => {
        items = items.filter((i) => i.id !== (body as { item: string }).item);
        return { status: 204 };
      },
    });
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp('/');

    const list = await screen.findByRole('list', { name: "Today's agenda" });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual([
      'Send the slides: follow-up due 2 days ago',
      'Keep in touch with Ada Lovelace: no contact for 94 days, usually every 30',
      'Bea Bell’s birthday: birthday in 2 days',
    ]);
    expect(screen.getByText('3 of your daily 7 · 4 more waiting')).toBeInTheDocument();
    expect(within(rows[1]!).getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/contacts/c1');
    // A milestone cannot be snoozed.
    expect(within(rows[2]!).queryByRole('button', { name: 'Snooze Bea Bell' })).toBeNull();

    await userEvent.click(within(rows[1]!).getByRole('button', { name: 'Draft a message to Ada Lovelace' }));
    const draft = await within(rows[1]!).findByRole('textbox', { name: 'Draft for Ada Lovelace' });
    expect(draft).toHaveValue('Hi Ada, it has been 94 days since we last talked about engines.');
    expect(calls.find((c) => c.path === '/api/v1/templates/preview')?.body).toEqual({ contactId: 'c1', purpose: 'reconnect' });
    await userEvent.click(within(rows[1]!).getByRole('button', { name: 'Copy to clipboard' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('Hi Ada, it has been 94 days since we last talked about engines.'));

    await userEvent.click(within(rows[1]!).getByRole('button', { name: 'Snooze Ada Lovelace' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'For a week' }));
    await waitFor(() => expect(calls.find((c) => c.path === '/api/v1/today/actions')?.body).toEqual({ item: 'cadence:c1', action: 'snooze', until: '2026-06-22' }));
    await waitFor(() => expect(screen.queryByText('no contact for 94 days, usually every 30')).toBeNull());

    await userEvent.click(screen.getByRole('button', { name: 'Mark Grace Hopper done' }));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/today/actions').at(-1)?.body).toEqual({ item: 'follow_up:f1', action: 'done' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: "Today's agenda" })).getAllByRole('listitem')).toHaveLength(1));
  });

  it('snoozes to a date picked by hand, and says when there is nothing to do', async () => {
    let items = [item()];
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/contacts': { body: { items: [contact()], nextCursor: null } },
      'GET /api/v1/today': () => ({ body: { date: '2026-06-15', timezone: 'UTC', budget: 7, items, more: 0 } }),
      'POST /api/v1/today/actions': () => ((items = []), { status: 204 }),
    });
    renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Snooze Ada Lovelace' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Pick a date…' }));
    const date = screen.getByLabelText('Snooze until');
    await userEvent.clear(date);
    await userEvent.type(date, '2026-07-01');
    await userEvent.click(screen.getByRole('button', { name: 'Snooze' }));
    await waitFor(() => expect(calls.find((c) => c.path === '/api/v1/today/actions')?.body).toEqual({ item: 'cadence:c1', action: 'snooze', until: '2026-07-01' }));
    expect(await screen.findByText('Nothing for today')).toBeInTheDocument();
  });

  it('shows the posts scheduled for today with a link to the content plan', async () => {
    const reminders = [{ id: 'content_post:p1', type: 'scheduled_post', title: 'Remote onboarding', reason: 'Scheduled post for LinkedIn today: Remote onboarding', date: '2026-06-15', link: '/social' }];
    fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/contacts': { body: { items: [contact()], nextCursor: null } },
      'GET /api/v1/today': () => ({ body: { date: '2026-06-15', timezone: 'UTC', budget: 7, items: [item()], more: 0, reminders } }),
    });
    renderApp('/');
    const plans = await screen.findByRole('list', { name: 'Your plans for today' });
    expect(within(plans).getByText('Scheduled post for LinkedIn today: Remote onboarding')).toBeInTheDocument();
    expect(within(plans).getByRole('link', { name: 'Open the content plan' })).toHaveAttribute('href', '/social');
  });
});
