import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../db/test-helpers';

/** What helmet itself sets with the app's options (app.ts), computed the slow way. */
function helmetHeaders(hsts = false): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet({
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"] },
    },
    hsts,
  })({} as IncomingMessage, response as unknown as ServerResponse, () => {});
  return headers;
}

/** The OWASP REST Security Cheat Sheet's set that API answers carry. */
const apiHeaders = {
  'cache-control': 'no-store',
  'content-security-policy': "frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

type Answer = { statusCode: number; headers: Record<string, unknown> };
const helmetOnly = Object.keys(helmetHeaders()).filter((name) => !(name in apiHeaders));

function expectApiHeaders(answer: Answer, hsts?: string) {
  for (const [name, value] of Object.entries(apiHeaders)) expect([answer.statusCode, name, answer.headers[name]]).toEqual([answer.statusCode, name, value]);
  expect(answer.headers['strict-transport-security']).toBe(hsts);
  // None of helmet's document headers.
  for (const name of helmetOnly) expect([answer.statusCode, name, answer.headers[name]]).toEqual([answer.statusCode, name, undefined]);
  expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
}

function expectHelmetHeaders(answer: Answer, expected = helmetHeaders()) {
  for (const [name, value] of Object.entries(expected)) expect([answer.statusCode, name, answer.headers[name]]).toEqual([answer.statusCode, name, value]);
  expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
}

describe('security headers', () => {
  let t: TestApp;
  let alice: TestUser;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    alice = await t.signUp();
  });
  afterAll(() => t?.close());

  it('on API answers are the REST set: a contact, a 404, a 401, a validation error, an unknown route, auth', async () => {
    expect(helmetOnly.length).toBeGreaterThan(6);
    const contact = (await t.call(alice, 'POST', '/contacts', { name: 'Ada' })).json();
    const answers = [
      await t.call(alice, 'GET', `/contacts/${contact.id}`),
      await t.call(alice, 'GET', '/contacts/01900000-0000-7000-8000-000000000000'),
      await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${contact.id}` }),
      await t.call(alice, 'GET', '/contacts/not-an-id'),
      await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }),
      await t.app.inject({ method: 'GET', url: '/api/auth/get-session' }),
      await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: 'nobody@example.com', password: 'wrong password here' } }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 404, 401, 400, 404, 200, 401]);
    for (const answer of answers) expectApiHeaders(answer);
  });

  it('everywhere else are helmet’s: the health check, the landing page, the OpenAPI document, public booking and calendar feed URLs', async () => {
    const answers = [
      await t.app.inject({ method: 'GET', url: '/healthz' }),
      await t.app.inject({ method: 'GET', url: '/' }),
      await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
      await t.app.inject({ method: 'GET', url: '/api/public/book/nobody' }),
      await t.app.inject({ method: 'GET', url: '/api/calendar/not-a-token' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 404, 404]);
    for (const answer of answers) expectHelmetHeaders(answer);
  });

  it("leave a route's own cache-control in place (an export, the calendar feed)", async () => {
    const csv = await t.call(alice, 'GET', '/export/contacts.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('attachment');
    expectApiHeaders(csv);
    const { token } = (await t.call(alice, 'POST', '/calendar-feed')).json();
    const feed = await t.app.inject({ method: 'GET', url: `/api/calendar/${token}` });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['cache-control']).toBe('private, no-cache');
    expectHelmetHeaders(feed);
  });

  it("leave a route's own policy in place (the API docs page sets its CSP)", async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).not.toBe(helmetHeaders()['content-security-policy']);
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('security headers over HTTPS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { config: { baseUrl: 'https://rapport.example.com' } });
  });
  afterAll(() => t?.close());

  it('add Strict-Transport-Security to both sets', async () => {
    const page = helmetHeaders(true);
    expect(page['strict-transport-security']).toMatch(/^max-age=\d+/);
    expectHelmetHeaders(await t.app.inject({ method: 'GET', url: '/healthz' }), page);
    expectApiHeaders(await t.app.inject({ method: 'GET', url: '/api/v1/contacts' }), page['strict-transport-security']);
  });
});
