import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contact, fakeApi, me, problem, renderApp } from '../test/render';

const emptyPage = { body: { items: [], nextCursor: null } };

describe('routes and states', () => {
  it('sends a signed-out visitor of a deep link to sign in, then back to that page', async () => {
    let signedIn = false;
    const ada = contact();
    fakeApi({
      'GET /api/v1/me': () => (signedIn ? { body: me } : problem(401, 'unauthenticated', 'Sign in')),
      'POST /api/auth/sign-in/email': ({ body }) => {
        if ((body as { password: string }).password !== 'correct horse battery') return problem(401, 'unauthenticated', 'Invalid email or password');
        signedIn = true;
        return { body: { user: me } };
      },
      [`GET /api/v1/contacts/${ada.id}`]: { body: ada },
      [`GET /api/v1/contacts/${ada.id}/interactions`]: emptyPage,
    });
    const { router } = renderApp(`/contacts/${ada.id}`);
    expect(await screen.findByRole('heading', { name: 'Sign in to Rapport' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');

    await userEvent.type(screen.getByRole('textbox', { name: /Email/ }), 'priya@example.com');
    await userEvent.type(screen.getByLabelText(/Password/), 'wrong password!');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');

    await userEvent.clear(screen.getByLabelText(/Password/));
    await userEvent.type(screen.getByLabelText(/Password/), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/contacts/${ada.id}`);
    expect(screen.getByText('Mathematician at Analytical Engines')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ada@example.com' })).toHaveAttribute('href', 'mailto:ada@example.com');
    expect(screen.getByTestId('local-time')).not.toHaveTextContent('—');
    expect(await screen.findByText('No interactions yet')).toBeInTheDocument();
  });

  it('signs up: a field error stands beside its field, then the account is created with the invitation and time zone', async () => {
    let signedIn = false;
    const sent: unknown[] = [];
    fakeApi({
      'GET /api/v1/me': () => (signedIn ? { body: me } : problem(401, 'unauthenticated', 'Sign in')),
      'POST /api/auth/sign-up/email': ({ body }) => {
        sent.push(body);
        if ((body as { password: string }).password.length < 10)
          return problem(400, 'validation_failed', 'Invalid request', [{ path: 'password', message: 'Too short: at least 10 characters' }]);
        signedIn = true;
        return { body: { user: me } };
      },
    });
    const { router } = renderApp('/sign-up?invite=abc123');
    expect(await screen.findByRole('heading', { name: 'Create your account' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Invitation code/ })).toHaveValue('abc123');
    await userEvent.type(screen.getByRole('textbox', { name: /Name/ }), '  Priya  ');
    await userEvent.type(screen.getByRole('textbox', { name: /Email/ }), 'priya@example.com');
    await userEvent.type(screen.getByLabelText(/Password/), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Too short: at least 10 characters')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-up');

    await userEvent.type(screen.getByLabelText(/Password/), ' but longer now');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(sent.at(-1)).toMatchObject({ email: 'priya@example.com', password: 'short but longer now', name: 'Priya', inviteToken: 'abc123', timezone: expect.any(String) });
  });

  it("shows not found for a contact that is missing or someone else's", async () => {
    fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/contacts/0190a4c2-0000-7000-8000-00000000dead': problem(404, 'not_found', 'Contact not found'),
    });
    renderApp('/contacts/0190a4c2-0000-7000-8000-00000000dead');
    expect(await screen.findByText('Contact not found')).toBeInTheDocument();
  });

  it('shows an error with a retry when the server fails, and an empty state when there are no contacts', async () => {
    let fail = true;
    fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tags': emptyPage,
      'GET /api/v1/organizations': emptyPage,
      'GET /api/v1/contacts': () => (fail ? problem(500, 'internal', 'Database unavailable') : emptyPage),
    });
    renderApp('/contacts');
    expect(await screen.findByText('Database unavailable', {}, { timeout: 15_000 })).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No contacts yet')).toBeInTheDocument();
  });

  it('lists contacts from cursor pages and filters them through the URL', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tags': { body: { items: [{ id: 't1', name: 'math', color: null, contactCount: 1, createdAt: '', updatedAt: '' }], nextCursor: null } },
      'GET /api/v1/organizations': emptyPage,
      'GET /api/v1/contacts': ({ url }) =>
        url.searchParams.get('starred') === 'true'
          ? { body: { items: [contact({ id: 'c2', name: 'Grace Hopper', starred: true })], nextCursor: null } }
          : { body: { items: [contact(), contact({ id: 'c3', name: 'Alan Turing' })], nextCursor: null } },
    });
    const { router } = renderApp('/contacts');
    const list = await screen.findByRole('list', { name: 'Contacts' });
    expect(within(list).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(within(list).getByText('Alan Turing')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Starred' }));
    expect(await screen.findByText('Grace Hopper')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?starred=true');
    expect(calls.some((c) => c.path === '/api/v1/contacts')).toBe(true);
  });

  it("does not take Home's one-contact probe for the contacts list's first page", async () => {
    // Home asks for one contact (is the network empty?); the list asks for pages of 100 with the same
    // filters. Sharing one cache entry, the list showed the probe's page of one and went on from its cursor.
    const ada = contact();
    const others = [contact({ id: 'c2', name: 'Alan Turing' }), contact({ id: 'c3', name: 'Grace Hopper' })];
    const asked: string[] = [];
    fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/follow-ups': emptyPage,
      'GET /api/v1/tags': emptyPage,
      'GET /api/v1/organizations': emptyPage,
      'GET /api/v1/contacts': ({ url }) => {
        asked.push(`limit=${url.searchParams.get('limit')} cursor=${url.searchParams.get('cursor')}`);
        if (url.searchParams.get('limit') === '1') return { body: { items: [ada], nextCursor: 'after-ada' } };
        return { body: { items: url.searchParams.get('cursor') ? others : [ada, ...others], nextCursor: null } };
      },
    });
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: /Priya/ });
    await waitFor(() => expect(asked).toContain('limit=1 cursor=null'));
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    await userEvent.click(within(nav).getByRole('link', { name: 'Contacts' }));
    const list = await screen.findByRole('list', { name: 'Contacts' });
    expect(await within(list).findByText('Grace Hopper')).toBeInTheDocument();
    expect(asked).toContain('limit=100 cursor=null');
    expect(asked).not.toContain('limit=100 cursor=after-ada');
  });

  it('groups the navigation by purpose and marks the current page', async () => {
    fakeApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/tags': emptyPage });
    renderApp('/tags');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const groups = within(nav).getAllByRole('group');
    expect(groups.map((g) => within(g).getAllByRole('link').length)).toEqual([5, 6, 5]);
    const organize = within(nav).getByRole('group', { name: 'Organize' });
    expect(within(organize).getByRole('link', { name: 'Tags' })).toHaveAttribute('aria-current', 'page');
    expect(within(within(nav).getByRole('group', { name: 'Every day' })).getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
    expect(within(within(nav).getByRole('group', { name: 'Grow your network' })).getByRole('link', { name: 'Coffee chats' })).toHaveAttribute('href', '/chats');
  });
});

describe('quick log', () => {
  it('opens with L, asks for a contact and a summary, then logs optimistically with undo', async () => {
    const ada = contact();
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/follow-ups': emptyPage,
      'GET /api/v1/contacts': ({ url }) => ({ body: { items: url.searchParams.get('limit') === '1' || url.searchParams.get('q') ? [ada] : [], nextCursor: null } }),
      'POST /api/v1/interactions': ({ body }) => ({ status: 201, body: { id: 'i1', ...(body as object), notes: null, durationMinutes: null, initiatedBy: null, createdAt: '', updatedAt: '' } }),
      'DELETE /api/v1/interactions/i1': { status: 204 },
    });
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: /Priya/ });
    await userEvent.keyboard('l');
    const dialog = await screen.findByRole('dialog', { name: 'Log an interaction' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log it' }));
    expect(within(dialog).getByText('Choose at least one contact')).toBeInTheDocument();
    expect(within(dialog).getByText('Say in a few words what happened')).toBeInTheDocument();

    await userEvent.type(within(dialog).getByRole('textbox', { name: /With/ }), 'Ada');
    await userEvent.click(await screen.findByRole('option', { name: 'Ada Lovelace' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Summary/ }), 'Coffee about her new role');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log it' }));

    expect(await screen.findByText('Interaction logged')).toBeInTheDocument();
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ contactIds: [ada.id], kind: 'coffee_chat', summary: 'Coffee about her new role' }));
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/interactions/i1')).toBe(true));
  });
});
