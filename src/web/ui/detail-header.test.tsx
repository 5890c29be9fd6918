import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { DetailHeader } from './detail-header';

function setup(outcome: 'ok' | Error) {
  const mutate = vi.fn((_id: string, options: { onSuccess: () => void; onError: (e: Error) => void }) =>
    outcome === 'ok' ? options.onSuccess() : options.onError(outcome),
  );
  renderWithProviders(
    <Routes>
      <Route path="/events" element={<p>All events</p>} />
      <Route
        path="/events/e1"
        element={
          <DetailHeader back={{ to: '/events', label: 'Events' }} title="RemoteCon" remove={{ id: 'e1', what: 'this event', consequence: 'The people stay.', mutation: { isPending: false, mutate } }}>
            <p>Berlin · speaker</p>
          </DetailHeader>
        }
      />
    </Routes>,
    { path: '/events/e1' },
  );
  return mutate;
}

describe('DetailHeader', () => {
  it('shows the way back, the title and its context; Delete asks first and Cancel deletes nothing', async () => {
    const mutate = setup('ok');
    expect(screen.getByRole('link', { name: '← Events' })).toHaveAttribute('href', '/events');
    expect(screen.getByRole('heading', { level: 1, name: 'RemoteCon' })).toBeInTheDocument();
    expect(screen.getByText('Berlin · speaker')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this event?' });
    expect(dialog).toHaveTextContent('The people stay. It cannot be undone.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(mutate).not.toHaveBeenCalled();
  });

  it('deletes after confirmation and returns to the list', async () => {
    const mutate = setup('ok');
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete this event' }));
    expect(mutate).toHaveBeenCalledWith('e1', expect.anything());
    expect(await screen.findByText('All events')).toBeInTheDocument();
  });

  it('stays on the page and says why when the delete fails', async () => {
    setup(new Error('Event not found'));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete this event' }));
    expect(await screen.findByText('Event not found')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'RemoteCon' })).toBeInTheDocument();
  });
});
