import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, fieldErrorsOf, formErrorsOf, setUnauthenticatedHandler, toQueryString } from './client';
import { fakeApi, problem } from '../test/render';

describe('api client', () => {
  it('turns problem+json into an ApiError with its field errors', async () => {
    fakeApi({ 'POST /api/v1/contacts': problem(400, 'validation', 'name: must not be empty', [{ path: 'name', message: 'must not be empty' }, { path: 'emails.1', message: 'must be an email address' }]) });
    const error = await api('/api/v1/contacts', { method: 'POST', body: { name: '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation', message: 'name: must not be empty' });
    expect(fieldErrorsOf(error)).toEqual({ name: 'must not be empty', emails: 'must be an email address', 'emails.1': 'must be an email address' });
  });

  it("gives a form its field errors, else the message under the form's own key", () => {
    const invalid = new ApiError(400, 'validation', 'topic: required', [{ path: 'topic', message: 'required' }]);
    expect(formErrorsOf(invalid)).toEqual({ topic: 'required' });
    const conflict = new ApiError(409, 'conflict', 'That slot was just taken');
    expect(formErrorsOf(conflict)).toEqual({ _: 'That slot was just taken' });
    expect(formErrorsOf(conflict, 'name')).toEqual({ name: 'That slot was just taken' });
    expect(formErrorsOf(new TypeError('Failed to fetch'))).toEqual({ _: 'Failed to fetch' });
  });

  it('sends JSON and leaves out empty query values', async () => {
    const { fetch } = fakeApi({ 'GET /api/v1/contacts': { body: { items: [], nextCursor: null } } });
    await api('/api/v1/contacts', { query: { q: 'ada', tag: undefined, starred: true, cursor: '' } });
    expect(String(fetch.mock.calls[0]![0])).toBe('/api/v1/contacts?q=ada&starred=true');
    expect(toQueryString({})).toBe('');
  });

  it('reports a 401 from the API so the app can send the person to sign in', async () => {
    fakeApi({ 'GET /api/v1/me': problem(401, 'unauthenticated', 'Sign in') });
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    await expect(api('/api/v1/me')).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('explains a network failure in words', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(api('/api/v1/me')).rejects.toMatchObject({ code: 'network', message: expect.stringContaining('Cannot reach') });
  });
});
