import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contact, fakeApi, me, renderApp } from '../../test/render';

const kudos = (overrides: Record<string, unknown> = {}) => ({
  id: 'k1',
  kind: 'kudos',
  contactId: 'c1',
  contactName: 'Ada Lovelace',
  direction: 'given',
  text: 'Great talk on engines',
  occurredOn: '2026-03-01',
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  ...overrides,
});
const entry = (name: string, given: number, received: number) => ({
  contactId: name,
  contactName: name,
  kudosGiven: given,
  kudosReceived: 0,
  favorsGiven: 0,
  favorsReceived: received,
  given,
  received,
  balance: given - received,
});

describe('Appreciation page', () => {
  it('records kudos for a contact, lists them, and shows whom you owe in the ledger', async () => {
    const ada = contact();
    let items = [kudos()];
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/contacts': ({ url }) => ({ body: { items: url.searchParams.get('q') === 'ada' ? [ada] : [], nextCursor: null } }),
      'GET /api/v1/kudos': () => ({ body: { items, nextCursor: null } }),
      'POST /api/v1/favors': ({ body }) => {
        const created = kudos({ id: 'f1', kind: 'favor', ...(body as object), contactName: ada.name });
        return { status: 201, body: created };
      },
      'POST /api/v1/kudos': ({ body }) => {
        const created = kudos({ id: 'k2', ...(body as object), contactName: ada.name });
        items = [created, ...items];
        return { status: 201, body: created };
      },
      'GET /api/v1/ledger': {
        body: { totals: { kudosGiven: 1, kudosReceived: 0, favorsGiven: 0, favorsReceived: 3 }, owed: [entry('Grace Hopper', 0, 3)], contacts: [entry('Grace Hopper', 0, 3), entry('Ada Lovelace', 1, 0)] },
      },
    });
    renderApp('/appreciation');
    expect(await screen.findByText('Great talk on engines')).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Record appreciation' });
    await userEvent.click(within(form).getByRole('button', { name: 'Record' }));
    expect(await within(form).findByText('Choose a contact')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.type(within(form).getByRole('textbox', { name: /^Contact/ }), 'ada');
    await userEvent.click(await screen.findByRole('option', { name: 'Ada Lovelace' }));
    await userEvent.click(within(form).getByText('I received'));
    await userEvent.type(within(form).getByRole('textbox', { name: /^What you appreciated/ }), 'Thanks for the review');
    await userEvent.click(within(form).getByRole('button', { name: 'Record' }));
    expect(await screen.findByText('Thanks for the review')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/api/v1/kudos', body: { contactId: ada.id, direction: 'received', text: 'Thanks for the review' } });

    await userEvent.click(screen.getByRole('tab', { name: 'Ledger' }));
    expect(await screen.findByText('You have received more than you gave to this person')).toBeInTheDocument();
    expect(screen.getByText(/Favors: gave 0, received 3/)).toBeInTheDocument();
  });
});
