import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderWithProviders } from '../../test/render';
import { CalendarFeedSection } from './calendar-feed-section';

describe('Calendar feed settings', () => {
  it('creates the URL and shows it once, rotates and revokes it', async () => {
    let n = 0;
    const { calls } = fakeApi({
      'GET /api/v1/calendar-feed': { body: { active: false, prefix: null, createdAt: null, lastUsedAt: null } },
      'POST /api/v1/calendar-feed': () => {
        n++;
        return { status: 201, body: { active: true, prefix: `rcal_${n}`, createdAt: '2026-03-01T10:00:00Z', lastUsedAt: null, token: `rcal_${n}secret`, url: `http://localhost/api/calendar/rcal_${n}secret.ics` } };
      },
      'DELETE /api/v1/calendar-feed': { status: 204 },
    });
    renderWithProviders(<CalendarFeedSection />);
    await userEvent.click(await screen.findByRole('button', { name: 'Create calendar URL' }));
    expect(await screen.findByTestId('calendar-url')).toHaveTextContent('http://localhost/api/calendar/rcal_1secret.ics');
    expect(screen.getByText(/not read yet/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Rotate URL' }));
    expect(await screen.findByText('http://localhost/api/calendar/rcal_2secret.ics')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByRole('button', { name: 'Create calendar URL' })).toBeInTheDocument();
    expect(screen.queryByTestId('calendar-url')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/v1/calendar-feed').map((c) => c.method)).toEqual(['GET', 'POST', 'POST', 'DELETE']);
  });
});
