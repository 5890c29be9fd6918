import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contact, fakeApi, me, renderApp } from '../../test/render';

const person = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id, name, organization: null, title: null, emails: [], phones: [], profiles: [], location: null, lastInteractionAt: null, createdAt: '2026-01-01T00:00:00Z', interactions: 0, notes: 0, ...extra,
});

describe('Duplicates page', () => {
  it('shows groups side by side and merges the chosen ones into the kept contact', async () => {
    let merged = false;
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/duplicates': () => ({
        body: merged
          ? { items: [], truncated: false }
          : {
              items: [{ reasons: ['same email ada@example.com'], contacts: [person('a', 'Ada Lovelace', { interactions: 3, emails: ['ada@example.com'] }), person('b', 'A. Lovelace', { emails: ['ada@example.com'] }), person('c', 'Ada L.')] }],
              truncated: false,
            },
      }),
      'POST /api/v1/duplicates/merge': () => {
        merged = true;
        return { body: contact({ id: 'b', name: 'A. Lovelace' }) };
      },
    });
    renderApp('/duplicates');
    const group = await screen.findByRole('region', { name: 'Possible duplicates: Ada Lovelace' });
    expect(within(group).getByText('same email ada@example.com')).toBeInTheDocument();
    expect(within(group).getByText('3 interactions, 0 notes, added 2026-01-01')).toBeInTheDocument();
    // Keep the second, leave the third out.
    await userEvent.click(within(group).getByRole('radio', { name: 'Keep A. Lovelace' }));
    await userEvent.click(within(group).getByRole('checkbox', { name: 'Merge Ada L. in' }));
    await userEvent.click(within(group).getByRole('button', { name: 'Merge 1 into A. Lovelace' }));
    expect(await screen.findByText('No likely duplicates')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ ids: ['b', 'a'] });
  });
});
