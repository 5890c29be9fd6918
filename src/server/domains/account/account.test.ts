import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../db/test-helpers';

const origin = 'http://localhost:7277';

describe.each(dialects)('accounts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { openSignup: false } });
  });
  afterAll(() => t?.close());

  const signUp = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/sign-up/email', payload });
  const signIn = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload });

  it('makes the first account the admin and closes sign-up after it', async () => {
    const first = await signUp({ email: 'admin@example.com', password: 'a long passphrase', name: 'Admin' });
    expect(first.statusCode).toBe(200);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/rapport\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http base URL; Secure is set when RAPPORT_BASE_URL is https
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookie.split(';')[0]! } });
    expect(me.json()).toMatchObject({ email: 'admin@example.com', role: 'admin', timezone: 'UTC' });

    const second = await signUp({ email: 'someone@example.com', password: 'a long passphrase' });
    expect(second.statusCode).toBe(403);
    expect(second.json()).toMatchObject({ code: 'forbidden', detail: expect.stringMatching(/invitation/) });
  });

  it('lets an invited person sign up once, as a member', async () => {
    const admin = await signIn({ email: 'admin@example.com', password: 'a long passphrase' });
    const cookie = String(admin.headers['set-cookie']).split(';')[0]!;
    const invite = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: { cookie, origin }, payload: { email: 'guest@example.com' } });
    expect(invite.statusCode).toBe(201);
    const { token } = invite.json();

    const wrongEmail = await signUp({ email: 'other@example.com', password: 'a long passphrase', inviteToken: token });
    expect(wrongEmail.statusCode).toBe(403);
    const ok = await signUp({ email: 'guest@example.com', password: 'a long passphrase', inviteToken: token });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.role).toBe('member');
    const reuse = await signUp({ email: 'guest2@example.com', password: 'a long passphrase', inviteToken: token });
    expect(reuse.statusCode).toBe(403);

    const guestCookie = String(ok.headers['set-cookie']).split(';')[0]!;
    const notAdmin = await t.app.inject({ method: 'GET', url: '/api/v1/invitations', headers: { cookie: guestCookie } });
    expect(notAdmin.statusCode).toBe(403);
  });

  it('refuses a wrong password without saying which part was wrong, and never echoes it', async () => {
    const res = await signIn({ email: 'admin@example.com', password: 'not the passphrase' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).not.toContain('not the passphrase');
    const unknown = await signIn({ email: 'nobody@example.com', password: 'not the passphrase' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().detail).toBe(res.json().detail);
  });

  it('stores passwords as argon2id hashes', async () => {
    const row = await (t.database.db as any).selectFrom('account').select('password').where('providerId', '=', 'credential').executeTakeFirst();
    expect(row.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('creates, lists and revokes API tokens; the secret is shown once and stored hashed', async () => {
    const signin = await signIn({ email: 'admin@example.com', password: 'a long passphrase' });
    const cookie = String(signin.headers['set-cookie']).split(';')[0]!;
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie, origin }, payload: { name: 'laptop' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^rap_/);
    const stored = await t.database.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer });
    expect(listed.json().items.find((x: { id: string }) => x.id === id)).toMatchObject({ name: 'laptop', prefix: token.slice(0, 10) });
    expect(listed.body).not.toContain(token);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: bearer })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(after.statusCode).toBe(401);
  });

  it('answers 401 for missing, malformed and unknown credentials', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer rap_nope' }, { cookie: 'rapport.session_token=forged' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('unauthenticated');
    }
  });

  it('refuses cookie-authenticated writes from another origin (CSRF)', async () => {
    const signin = await signIn({ email: 'admin@example.com', password: 'a long passphrase' });
    const cookie = String(signin.headers['set-cookie']).split(';')[0]!;
    const evil = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie, origin: 'https://evil.example' }, payload: { name: 'Injected' } });
    expect(evil.statusCode).toBe(403);
    const noOrigin = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie }, payload: { name: 'Injected' } });
    expect(noOrigin.statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { cookie } });
    expect(list.json().items).toHaveLength(0);
    const same = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie, origin }, payload: { name: 'Legit' } });
    expect(same.statusCode).toBe(201);
  });

  it('signs out: the session cookie stops working', async () => {
    const signin = await signIn({ email: 'admin@example.com', password: 'a long passphrase' });
    const cookie = String(signin.headers['set-cookie']).split(';')[0]!;
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie, origin } });
    expect(out.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('updates the account time zone and refuses an unknown one', async () => {
    const signin = await signIn({ email: 'admin@example.com', password: 'a long passphrase' });
    const cookie = String(signin.headers['set-cookie']).split(';')[0]!;
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie, origin }, payload: { timezone: 'Nowhere/City' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('timezone');
    const ok = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie, origin }, payload: { timezone: 'America/New_York' } });
    expect(ok.json().timezone).toBe('America/New_York');
  });

  it('rate limits sign-in attempts per client', async () => {
    const responses = [];
    for (let i = 0; i < 12; i++) responses.push(await signIn({ email: 'admin@example.com', password: `wrong guess ${i}` }));
    const limited = responses.filter((r) => r.statusCode === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2); // at most 10 attempts a minute get through
    expect(limited[0]!.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    // a limited attempt is refused even with the right password
    expect((await signIn({ email: 'admin@example.com', password: 'a long passphrase' })).statusCode).toBe(429);
  });
});

describe('open sign-up', () => {
  it('lets anyone sign up when RAPPORT_OPEN_SIGNUP is on', async () => {
    const t = await createTestApp('sqlite', { config: { openSignup: true } });
    try {
      await t.signUp('first@example.com');
      const second = await t.signUp('second@example.com');
      expect(second.actor.role).toBe('member');
    } finally {
      await t.close();
    }
  });
});

describe.each(dialects)('the API token cache on %s', (dialect) => {
  let t: TestApp;
  let nowMs = Date.parse('2026-12-07T12:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: { now: () => new Date(nowMs) } });
  });
  afterAll(() => t?.close());

  it('trusts a resolved token for 5 s: a revocation by another process counts after that, and only the exact token hits', async () => {
    const alice = await t.signUp();
    const { account } = t.app.services;
    expect((await account.authenticateToken(alice.token)).userId).toBe(alice.userId);
    // Another process (the CLI beside the server) deletes the token: this one may answer from its cache for 5 s.
    await t.database.db.deleteFrom('api_token').where('user_id', '=', alice.userId).execute();
    expect((await account.authenticateToken(alice.token)).userId).toBe(alice.userId);
    for (const other of [`${alice.token}x`, alice.token.slice(0, -1), alice.token.toUpperCase()])
      await expect(account.authenticateToken(other)).rejects.toMatchObject({ code: 'unauthenticated' });
    nowMs += 5_001;
    await expect(account.authenticateToken(alice.token)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('never serves a token from the cache past its expiry', async () => {
    const bob = await t.signUp();
    const { account } = t.app.services;
    const { token, expiresAt } = await account.createToken(bob.actor, { name: 'short', expiresInDays: 1 });
    nowMs = Date.parse(expiresAt!) - 1_000;
    expect((await account.authenticateToken(token)).userId).toBe(bob.userId);
    nowMs += 1_001;
    await expect(account.authenticateToken(token)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
