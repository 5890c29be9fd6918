import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../app/routes';
import { contact, fakeApi, me, renderApp } from '../../test/render';
import { goTo } from './shortcut-list';

const people = ['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson'].map((name, i) => contact({ id: `0190a4c2-0000-7000-8000-00000000000${i}`, name }));

function withContacts() {
  return fakeApi({
    'GET /api/v1/me': { body: me },
    'GET /api/v1/contacts': { body: { items: people, nextCursor: null } },
    'GET /api/v1/follow-ups': { body: { items: [], nextCursor: null } },
    'GET /api/v1/tags': { body: { items: [] } },
    'GET /api/v1/organizations': { body: { items: [], nextCursor: null } },
    [`GET /api/v1/contacts/${people[1]!.id}`]: { body: people[1] },
    [`GET /api/v1/contacts/${people[1]!.id}/interactions`]: { body: { items: [], nextCursor: null } },
    [`GET /api/v1/contacts/${people[1]!.id}/notes`]: { body: { items: [], nextCursor: null } },
  });
}

const rowLink = (name: string) => within(screen.getByRole('list', { name: 'Contacts' })).getByRole('link', { name: new RegExp(name) });

describe('Keyboard shortcuts', () => {
  it('? opens the help listing every shortcut; typing ? in a field does not', async () => {
    withContacts();
    renderApp('/contacts');
    const filter = await screen.findByRole('textbox', { name: 'Filter contacts' });
    await userEvent.type(filter, '?');
    expect(filter).toHaveValue('?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();

    filter.blur();
    await userEvent.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const label of ['Search and commands', 'Log an interaction', 'Filter the list, or search', 'Contacts', 'Follow-ups', 'Next contact', 'Previous contact', 'Open the contact', 'Select or unselect it'])
      expect(within(help).getByRole('cell', { name: label })).toBeInTheDocument();
    expect(within(help).getByRole('table', { name: 'Go to' })).toHaveTextContent(/G\s*then\s*C/);
  });

  it('opens from the account menu too', async () => {
    withContacts();
    renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Account menu' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: /Keyboard shortcuts/ }));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });

  it('opens from the command palette', async () => {
    withContacts();
    renderApp('/');
    await screen.findByRole('button', { name: 'Account menu' });
    await userEvent.keyboard('{Control>}k{/Control}');
    await userEvent.type(await screen.findByPlaceholderText(/Search contacts and interactions/), 'keyboard');
    await userEvent.click(await screen.findByRole('button', { name: /Keyboard shortcuts/ }));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });

  it('G shortcuts name pages that exist, one letter each', () => {
    const paths = routes.flatMap((r) => (r.children ?? []).map((c) => (c.index ? '/' : `/${c.path}`)));
    for (const g of goTo) expect(paths, g.label).toContain(g.path);
    expect(new Set(goTo.map((g) => g.key)).size).toBe(goTo.length);
  });

  it('G then C goes to Contacts; G then H home; a lone C does nothing', async () => {
    withContacts();
    const { router } = renderApp('/settings');
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await userEvent.keyboard('c');
    expect(router.state.location.pathname).toBe('/settings');
    await userEvent.keyboard('gc');
    await waitFor(() => expect(router.state.location.pathname).toBe('/contacts'));
    await screen.findByRole('heading', { level: 1, name: 'Contacts' });
    await userEvent.keyboard('gh');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('/ puts the cursor in the contacts filter without typing the slash', async () => {
    withContacts();
    renderApp('/contacts');
    const filter = await screen.findByRole('textbox', { name: 'Filter contacts' });
    await screen.findByText('Ada Lovelace');
    await userEvent.keyboard('/');
    expect(filter).toHaveFocus();
    expect(filter).toHaveValue('');
  });

  it('/ focuses the organizations filter too, and opens the palette on a page without a filter', async () => {
    withContacts();
    const { router } = renderApp('/organizations');
    const filter = await screen.findByRole('textbox', { name: 'Filter organizations' });
    await userEvent.keyboard('/');
    expect(filter).toHaveFocus();
    filter.blur();
    await router.navigate('/settings');
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await userEvent.keyboard('/');
    expect(await screen.findByPlaceholderText(/Search contacts and interactions/)).toBeInTheDocument();
  });

  it('J and K move the focus through the contacts list, arrows too, X selects, Enter opens; not while typing', async () => {
    withContacts();
    const { router } = renderApp('/contacts');
    const filter = await screen.findByRole('textbox', { name: 'Filter contacts' });
    await screen.findByText('Ada Lovelace');

    await userEvent.type(filter, 'j');
    expect(filter).toHaveFocus();
    await userEvent.clear(filter);
    filter.blur();

    await userEvent.keyboard('j');
    expect(rowLink('Ada Lovelace')).toHaveFocus();
    await userEvent.keyboard('j');
    expect(rowLink('Grace Hopper')).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(rowLink('Katherine Johnson')).toHaveFocus();
    await userEvent.keyboard('j'); // stays on the last row
    expect(rowLink('Katherine Johnson')).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}k');
    expect(rowLink('Ada Lovelace')).toHaveFocus();
    await userEvent.keyboard('j');

    await userEvent.keyboard('x');
    expect(screen.getByRole('checkbox', { name: 'Select Grace Hopper' })).toBeChecked();
    expect(screen.getByRole('region', { name: 'Bulk actions' })).toHaveTextContent('1 selected');
    await userEvent.keyboard('x');
    expect(screen.getByRole('checkbox', { name: 'Select Grace Hopper' })).not.toBeChecked();

    fireEvent.click(rowLink('Grace Hopper')); // what Enter does on a focused link
    await waitFor(() => expect(router.state.location.pathname).toBe(`/contacts/${people[1]!.id}`));
  });

  it('Enter on a row checkbox opens that contact', async () => {
    withContacts();
    const { router } = renderApp('/contacts');
    const box = await screen.findByRole('checkbox', { name: 'Select Katherine Johnson' });
    box.focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(rowLink('Grace Hopper')).toHaveFocus();
    screen.getByRole('checkbox', { name: 'Select Grace Hopper' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/contacts/${people[1]!.id}`));
  });
});
