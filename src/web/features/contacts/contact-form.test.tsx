import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { contact, fakeApi, renderWithProviders } from '../../test/render';
import { ContactForm, toInput, validate, valuesOf } from './contact-form';

describe('ContactForm', () => {
  it('refuses an empty name beside the field, without calling the server', async () => {
    fakeApi({ 'GET /api/v1/tags': { body: { items: [], nextCursor: null } } });
    const onSubmit = vi.fn();
    renderWithProviders(<ContactForm submitLabel="Add contact" onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add contact' }));
    expect(await screen.findByText('Name must not be empty')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("puts the server's field errors (problem+json errors[].path) beside each field", async () => {
    fakeApi({ 'GET /api/v1/tags': { body: { items: [], nextCursor: null } } });
    const onSubmit = vi.fn().mockRejectedValue(
      new ApiError(400, 'validation', 'invalid', [
        { path: 'phones.0', message: 'is not a valid phone number' },
        { path: 'socialProfiles.0.url', message: 'must be a URL' },
        { path: 'cadenceDays', message: 'must be at most 3650' },
      ]),
    );
    renderWithProviders(<ContactForm submitLabel="Save changes" contact={contact({ phones: ['12345'] }) as never} onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('“12345” is not a valid phone number')).toBeInTheDocument();
    expect(screen.getByText('must be a URL')).toBeInTheDocument();
    expect(screen.getByText('must be at most 3650')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need a second look.');
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: 'Ada Lovelace', phones: ['12345'] }));
  });

  it('shows a failure that is not about one field at the top', async () => {
    fakeApi({ 'GET /api/v1/tags': { body: { items: [], nextCursor: null } } });
    const onSubmit = vi.fn().mockRejectedValue(new ApiError(0, 'network', 'Cannot reach the Rapport server.'));
    renderWithProviders(<ContactForm submitLabel="Add contact" onSubmit={onSubmit} />);
    await userEvent.type(screen.getByRole('textbox', { name: /^Name/ }), 'Grace');
    await userEvent.click(screen.getByRole('button', { name: 'Add contact' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Cannot reach the Rapport server.'));
  });
});

describe('contact form values', () => {
  it('turns blanks into null (PATCH clears them) and profile links into url or handle', () => {
    const values = { ...valuesOf(), name: ' Ada ', title: '  ', cadenceDays: '' as const, socialProfiles: [{ type: 'github', value: 'ada' }, { type: 'website', value: 'https://ada.dev' }, { type: 'x', value: ' ' }] };
    const input = toInput(values);
    expect(input).toMatchObject({ name: 'Ada', title: null, cadenceDays: null, timezone: null, circle: null });
    expect(input.socialProfiles).toEqual([{ type: 'github', handle: 'ada' }, { type: 'website', url: 'https://ada.dev' }]);
  });

  it('checks emails, birthdays and cadence in the browser', () => {
    const errors = validate({ ...valuesOf(), name: 'x', emails: ['ada@example.com', 'nope'], birthday: '12/10', cadenceDays: 0 });
    expect(errors).toEqual({ emails: '“nope” is not an email address', birthday: expect.stringContaining('YYYY-MM-DD'), cadenceDays: expect.any(String) });
    expect(validate({ ...valuesOf(), name: 'x', birthday: '--12-10', cadenceDays: 14 })).toEqual({});
  });
});
