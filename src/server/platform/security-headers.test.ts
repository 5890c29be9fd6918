import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../db/test-helpers';

/** What helmet itself sets with the app's options (app.ts), computed the slow way. */
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet({
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"] },
    },
    hsts: false,
  })({} as IncomingMessage, response as unknown as ServerResponse, () => {});
  return headers;
}

describe('security headers', () => {
  let t: TestApp;
  let alice: TestUser;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    alice = await t.signUp();
  });
  afterAll(() => t?.close());

  it("are on every API answer: a contact, a 404, a 401, a validation error, the health check", async () => {
    const expected = helmetHeaders();
    expect(Object.keys(expected).length).toBeGreaterThan(8);
    const contact = (await t.call(alice, 'POST', '/contacts', { name: 'Ada' })).json();
    const answers = [
      await t.call(alice, 'GET', `/contacts/${contact.id}`),
      await t.call(alice, 'GET', '/contacts/01900000-0000-7000-8000-000000000000'),
      await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${contact.id}` }),
      await t.call(alice, 'GET', '/contacts/not-an-id'),
      await t.app.inject({ method: 'GET', url: '/healthz' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 404, 401, 400, 200, 404]);
    for (const answer of answers) {
      for (const [name, value] of Object.entries(expected)) expect([answer.statusCode, name, answer.headers[name]]).toEqual([answer.statusCode, name, value]);
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("leave a route's own policy in place (the API docs page sets its CSP)", async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).not.toBe(helmetHeaders()['content-security-policy']);
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
  });
});
