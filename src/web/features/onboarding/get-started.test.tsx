import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contact, fakeApi, me, problem, renderApp } from '../../test/render';

const empty = { body: { items: [], nextCursor: null } };
const counts = { organizations: 41, tags: 25, contacts: 300, interactions: 3500, notes: 278, followUps: 103 };

describe('Getting started on a new account', () => {
  it('loads the demo data with one click, then shows the filled home page', async () => {
    let loaded = false;
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/contacts': () => (loaded ? { body: { items: [contact()], nextCursor: null } } : empty),
      'GET /api/v1/follow-ups': empty,
      'GET /api/v1/today': { body: { date: '2026-06-15', timezone: 'UTC', budget: 7, items: [], more: 0 } },
      'POST /api/v1/demo': () => {
        loaded = true;
        return { status: 201, body: { counts, seconds: 6.6 } };
      },
    });
    renderApp('/');
    const region = await screen.findByRole('region', { name: 'Welcome to Rapport' });
    expect(within(region).getByRole('link', { name: 'Import contacts' })).toHaveAttribute('href', '/import');
    expect(within(region).getByRole('link', { name: 'Add a contact' })).toHaveAttribute('href', '/contacts/new');

    await userEvent.click(within(region).getByRole('button', { name: 'Load demo data' }));
    expect(await screen.findByText('Demo data loaded')).toBeInTheDocument();
    expect(screen.getByText(/300 contacts, 3,500 interactions and 103 follow-ups/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Welcome to Rapport' })).not.toBeInTheDocument());
    expect(await screen.findByRole('heading', { name: /^Today · / })).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', path: '/api/v1/demo', body: {} }]);
  });

  it('says why when the server refuses (the account got contacts meanwhile)', async () => {
    fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/contacts': empty,
      'GET /api/v1/follow-ups': empty,
      'POST /api/v1/demo': problem(409, 'conflict', 'This account already has contacts; demo data loads only into an empty account'),
    });
    renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Load demo data' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the demo data');
    expect(alert).toHaveTextContent('already has contacts');
  });

  it('is the empty state of the contacts page too', async () => {
    fakeApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/contacts': empty, 'GET /api/v1/tags': { body: { items: [] } }, 'GET /api/v1/organizations': empty });
    renderApp('/contacts');
    const region = await screen.findByRole('region', { name: 'No contacts yet' });
    expect(within(region).getByRole('button', { name: 'Load demo data' })).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'Import contacts' })).toHaveAttribute('href', '/import');
  });

  it('is not offered for a filter that matches nothing', async () => {
    fakeApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/contacts': empty, 'GET /api/v1/tags': { body: { items: [] } }, 'GET /api/v1/organizations': empty });
    renderApp('/contacts?starred=true');
    expect(await screen.findByText('No contacts match')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load demo data' })).not.toBeInTheDocument();
  });
});
