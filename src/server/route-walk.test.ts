import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from './db/test-helpers';

/**
 * Walks every route of the OpenAPI document. Each one must be covered here: without credentials it
 * answers 401, and with a second user's credentials the first user's ids answer 404 (exactly like a
 * missing id) and change nothing. A route added without a line in `cases` fails this test.
 */
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Ids = Record<'contact' | 'otherContact' | 'interaction' | 'note' | 'followUp' | 'organization' | 'tag' | 'token' | 'invitation' | 'event' | 'chat' | 'chatQuestion' | 'mentorship' | 'mentorshipGoal' | 'mentorshipAction' | 'community' | 'contribution' | 'engagement' | 'contentPost' | 'kudos' | 'favor' | 'goal' | 'milestone' | 'template' | 'import', string>;
interface Case {
  /** Which of the first user's ids fills {id} in the path. */
  id?: keyof Ids;
  /** A body that is valid apart from whose ids it names. */
  body?: (ids: Ids) => object;
  /** Expected answer to the second user; 404 unless the route has no foreign id to give away. */
  expect: 404 | 403 | 'own';
}

const cases: Record<string, Case> = {
  'GET /api/v1/me': { expect: 'own' },
  'PATCH /api/v1/me': { body: () => ({ name: 'Bob' }), expect: 'own' },
  'GET /api/v1/tokens': { expect: 'own' },
  'POST /api/v1/tokens': { body: () => ({ name: 'walk' }), expect: 'own' },
  'DELETE /api/v1/tokens/{id}': { id: 'token', expect: 404 },
  // Invitations are the admin's: a member is refused outright, whatever the id.
  'GET /api/v1/invitations': { expect: 403 },
  'POST /api/v1/invitations': { body: () => ({ email: 'walk@example.com' }), expect: 403 },
  'DELETE /api/v1/invitations/{id}': { id: 'invitation', expect: 403 },

  'POST /api/v1/contacts': { body: () => ({ name: 'Walker' }), expect: 'own' },
  'GET /api/v1/contacts': { expect: 'own' },
  'GET /api/v1/contacts/{id}': { id: 'contact', expect: 404 },
  'PATCH /api/v1/contacts/{id}': { id: 'contact', body: () => ({ name: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/contacts/{id}': { id: 'contact', expect: 404 },

  'POST /api/v1/interactions': { body: (ids) => ({ contactIds: [ids.contact], kind: 'call', occurredAt: '2026-01-01T10:00:00Z', summary: 'x' }), expect: 404 },
  'GET /api/v1/interactions/{id}': { id: 'interaction', expect: 404 },
  'PATCH /api/v1/interactions/{id}': { id: 'interaction', body: () => ({ summary: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/interactions/{id}': { id: 'interaction', expect: 404 },
  'GET /api/v1/contacts/{id}/interactions': { id: 'contact', expect: 404 },

  'POST /api/v1/contacts/{id}/notes': { id: 'contact', body: () => ({ body: 'x' }), expect: 404 },
  'GET /api/v1/contacts/{id}/notes': { id: 'contact', expect: 404 },
  'GET /api/v1/notes/{id}': { id: 'note', expect: 404 },
  'PATCH /api/v1/notes/{id}': { id: 'note', body: () => ({ body: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/notes/{id}': { id: 'note', expect: 404 },

  'POST /api/v1/follow-ups': { body: (ids) => ({ contactId: ids.contact, dueOn: '2026-01-01', reason: 'x' }), expect: 404 },
  'GET /api/v1/follow-ups': { expect: 'own' },
  'GET /api/v1/follow-ups/{id}': { id: 'followUp', expect: 404 },
  'PATCH /api/v1/follow-ups/{id}': { id: 'followUp', body: () => ({ done: true }), expect: 404 },
  'DELETE /api/v1/follow-ups/{id}': { id: 'followUp', expect: 404 },

  'POST /api/v1/organizations': { body: () => ({ name: 'Walker Inc' }), expect: 'own' },
  'GET /api/v1/organizations': { expect: 'own' },
  'GET /api/v1/organizations/{id}': { id: 'organization', expect: 404 },
  'PATCH /api/v1/organizations/{id}': { id: 'organization', body: () => ({ name: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/organizations/{id}': { id: 'organization', expect: 404 },

  'POST /api/v1/tags': { body: () => ({ name: 'walker' }), expect: 'own' },
  'GET /api/v1/tags': { expect: 'own' },
  'GET /api/v1/tags/{id}': { id: 'tag', expect: 404 },
  'PATCH /api/v1/tags/{id}': { id: 'tag', body: () => ({ name: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/tags/{id}': { id: 'tag', expect: 404 },
  'POST /api/v1/tags/{id}/contacts': { id: 'tag', body: (ids) => ({ contactIds: [ids.contact] }), expect: 404 },
  'DELETE /api/v1/tags/{id}/contacts': { id: 'tag', body: (ids) => ({ contactIds: [ids.contact] }), expect: 404 },

  'GET /api/v1/search': { expect: 'own' },

  'GET /api/v1/relationship-settings': { expect: 'own' },
  'PATCH /api/v1/relationship-settings': { body: () => ({ dailyBudget: 5 }), expect: 'own' },
  'POST /api/v1/relationship-settings/recompute': { expect: 'own' },
  'POST /api/v1/milestones': { body: (ids) => ({ contactId: ids.contact, kind: 'launch', onDate: '2026-05-01' }), expect: 404 },
  'GET /api/v1/milestones': { expect: 'own' },
  'GET /api/v1/milestones/upcoming': { expect: 'own' },
  'GET /api/v1/milestones/{id}': { id: 'milestone', expect: 404 },
  'PATCH /api/v1/milestones/{id}': { id: 'milestone', body: () => ({ title: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/milestones/{id}': { id: 'milestone', expect: 404 },
  'GET /api/v1/templates': { expect: 'own' },
  'POST /api/v1/templates': { body: () => ({ purpose: 'thank_you', name: 'Walk', body: 'Thanks' }), expect: 'own' },
  'POST /api/v1/templates/preview': { body: (ids) => ({ contactId: ids.contact, purpose: 'follow_up' }), expect: 404 },
  'GET /api/v1/templates/{id}': { id: 'template', expect: 404 },
  'PATCH /api/v1/templates/{id}': { id: 'template', body: () => ({ name: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/templates/{id}': { id: 'template', expect: 404 },
  'GET /api/v1/today': { expect: 'own' },
  'POST /api/v1/today/actions': { body: (ids) => ({ item: `cadence:${ids.contact}`, action: 'snooze', until: '2099-01-01' }), expect: 404 },

  'GET /api/v1/export/contacts.vcf': { expect: 'own' },
  'GET /api/v1/export/contacts.csv': { expect: 'own' },
  'GET /api/v1/export/calendar.ics': { expect: 'own' },
  'GET /api/v1/export/backup.json': { expect: 'own' },
  // Restoring only ever writes into the caller's own (empty) account.
  'POST /api/v1/restore': { body: () => ({ format: 'rapport-backup', version: 1, exportedAt: '2026-01-01T00:00:00Z', data: {} }), expect: 'own' },

  'POST /api/v1/kudos': { body: (ids) => ({ contactId: ids.contact, direction: 'given', text: 'x' }), expect: 404 },
  'GET /api/v1/kudos': { expect: 'own' },
  'GET /api/v1/kudos/{id}': { id: 'kudos', expect: 404 },
  'PATCH /api/v1/kudos/{id}': { id: 'kudos', body: () => ({ text: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/kudos/{id}': { id: 'kudos', expect: 404 },
  'POST /api/v1/favors': { body: (ids) => ({ contactId: ids.contact, direction: 'received', text: 'x' }), expect: 404 },
  'GET /api/v1/favors': { expect: 'own' },
  'GET /api/v1/favors/{id}': { id: 'favor', expect: 404 },
  'PATCH /api/v1/favors/{id}': { id: 'favor', body: () => ({ text: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/favors/{id}': { id: 'favor', expect: 404 },
  'GET /api/v1/ledger': { expect: 'own' },
  'GET /api/v1/contacts/{id}/ledger': { id: 'contact', expect: 404 },
  'GET /api/v1/goals': { expect: 'own' },
  'POST /api/v1/goals': { body: () => ({ metric: 'kudos_given', target: 1 }), expect: 'own' },
  'GET /api/v1/goals/{id}': { id: 'goal', expect: 404 },
  'PATCH /api/v1/goals/{id}': { id: 'goal', body: () => ({ target: 99 }), expect: 404 },
  'DELETE /api/v1/goals/{id}': { id: 'goal', expect: 404 },
  'GET /api/v1/review': { expect: 'own' },
  'GET /api/v1/calendar-feed': { expect: 'own' },
  'POST /api/v1/calendar-feed': { expect: 'own' },
  'DELETE /api/v1/calendar-feed': { expect: 'own' },
  'GET /api/v1/insights': { expect: 'own' },

  'POST /api/v1/events': { body: () => ({ name: 'Walk conf', startsOn: '2026-03-01' }), expect: 'own' },
  'POST /api/v1/events/import-ics': { body: () => ({ ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//walk//EN\r\nBEGIN:VEVENT\r\nUID:walk@example.com\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260301T090000Z\r\nSUMMARY:Walk conf\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' }), expect: 'own' },
  'GET /api/v1/events': { expect: 'own' },
  'GET /api/v1/events/{id}': { id: 'event', expect: 404 },
  'PATCH /api/v1/events/{id}': { id: 'event', body: () => ({ name: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/events/{id}': { id: 'event', expect: 404 },
  'GET /api/v1/events/{id}/people': { id: 'event', expect: 404 },
  'POST /api/v1/events/{id}/people': { id: 'event', body: (ids) => ({ people: [{ contactId: ids.contact }] }), expect: 404 },
  'DELETE /api/v1/events/{id}/people': { id: 'event', body: (ids) => ({ contactIds: [ids.contact] }), expect: 404 },
  'POST /api/v1/chats': { body: (ids) => ({ contactId: ids.contact, topic: 'Walk' }), expect: 404 },
  'GET /api/v1/chats': { expect: 'own' },
  'GET /api/v1/chats/{id}': { id: 'chat', expect: 404 },
  'PATCH /api/v1/chats/{id}': { id: 'chat', body: () => ({ topic: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/chats/{id}': { id: 'chat', expect: 404 },
  'GET /api/v1/chats/{id}/prep': { id: 'chat', expect: 404 },
  'GET /api/v1/chats/{id}/invitation.ics': { id: 'chat', expect: 404 },
  'GET /api/v1/chat-questions': { expect: 'own' },
  'POST /api/v1/chat-questions': { body: () => ({ purpose: 'role', text: 'A walk question?' }), expect: 'own' },
  'PATCH /api/v1/chat-questions/{id}': { id: 'chatQuestion', body: () => ({ text: 'Hijacked?' }), expect: 404 },
  'DELETE /api/v1/chat-questions/{id}': { id: 'chatQuestion', expect: 404 },
  'GET /api/v1/booking-page': { expect: 'own' },
  'PATCH /api/v1/booking-page': { body: () => ({ title: 'Walk' }), expect: 'own' },
  'POST /api/v1/mentorships': { body: (ids) => ({ contactId: ids.contact, role: 'mentee', focus: 'Walk' }), expect: 404 },
  'GET /api/v1/mentorships': { expect: 'own' },
  'GET /api/v1/mentorships/candidates': { expect: 'own' },
  'GET /api/v1/mentorships/{id}': { id: 'mentorship', expect: 404 },
  'PATCH /api/v1/mentorships/{id}': { id: 'mentorship', body: () => ({ focus: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/mentorships/{id}': { id: 'mentorship', expect: 404 },
  'GET /api/v1/mentorships/{id}/sessions': { id: 'mentorship', expect: 404 },
  'POST /api/v1/mentorships/{id}/sessions': { id: 'mentorship', body: () => ({ occurredAt: '2026-01-01T10:00:00Z', summary: 'x' }), expect: 404 },
  'POST /api/v1/mentorships/{id}/goals': { id: 'mentorship', body: () => ({ title: 'x' }), expect: 404 },
  'PATCH /api/v1/mentorship-goals/{id}': { id: 'mentorshipGoal', body: () => ({ status: 'done' }), expect: 404 },
  'DELETE /api/v1/mentorship-goals/{id}': { id: 'mentorshipGoal', expect: 404 },
  'POST /api/v1/mentorships/{id}/actions': { id: 'mentorship', body: () => ({ title: 'x', dueOn: '2026-01-01' }), expect: 404 },
  'PATCH /api/v1/mentorship-actions/{id}': { id: 'mentorshipAction', body: () => ({ done: true }), expect: 404 },
  'DELETE /api/v1/mentorship-actions/{id}': { id: 'mentorshipAction', expect: 404 },
  'POST /api/v1/communities': { body: () => ({ name: 'Walk community' }), expect: 'own' },
  'GET /api/v1/communities': { expect: 'own' },
  'GET /api/v1/communities/{id}': { id: 'community', expect: 404 },
  'PATCH /api/v1/communities/{id}': { id: 'community', body: () => ({ name: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/communities/{id}': { id: 'community', expect: 404 },
  'GET /api/v1/communities/{id}/contributions': { id: 'community', expect: 404 },
  'POST /api/v1/communities/{id}/contributions': { id: 'community', body: () => ({ kind: 'post', title: 'x' }), expect: 404 },
  'DELETE /api/v1/community-contributions/{id}': { id: 'contribution', expect: 404 },
  'GET /api/v1/communities/{id}/members': { id: 'community', expect: 404 },
  'POST /api/v1/communities/{id}/members': { id: 'community', body: (ids) => ({ members: [{ contactId: ids.contact }] }), expect: 404 },
  'DELETE /api/v1/communities/{id}/members': { id: 'community', body: (ids) => ({ contactIds: [ids.contact] }), expect: 404 },
  'POST /api/v1/engagements': { body: (ids) => ({ contactId: ids.contact, action: 'reacted' }), expect: 404 },
  'GET /api/v1/engagements': { expect: 'own' },
  'DELETE /api/v1/engagements/{id}': { id: 'engagement', expect: 404 },
  'POST /api/v1/content-posts': { body: () => ({ topic: 'Walk post' }), expect: 'own' },
  'GET /api/v1/content-posts': { expect: 'own' },
  'GET /api/v1/content-posts/{id}': { id: 'contentPost', expect: 404 },
  'PATCH /api/v1/content-posts/{id}': { id: 'contentPost', body: () => ({ topic: 'Hijacked' }), expect: 404 },
  'DELETE /api/v1/content-posts/{id}': { id: 'contentPost', expect: 404 },
  // Loads into the caller's own account only (409 once it has contacts); nothing of another account to name.
  'POST /api/v1/demo': { body: () => ({ contacts: 10 }), expect: 'own' },
  'GET /api/v1/instance': { expect: 'own' },

  // Uploading answers with the caller's own preview; every other import route names an import id.
  'POST /api/v1/imports': { expect: 'own' },
  'GET /api/v1/imports': { expect: 'own' },
  'GET /api/v1/imports/{id}': { id: 'import', expect: 404 },
  'POST /api/v1/imports/{id}/preview': { id: 'import', body: () => ({}), expect: 404 },
  'POST /api/v1/imports/{id}/apply': { id: 'import', expect: 404 },
  'POST /api/v1/imports/{id}/undo': { id: 'import', expect: 404 },
  'GET /api/v1/duplicates': { expect: 'own' },
  'POST /api/v1/duplicates/merge': { body: (ids) => ({ ids: [ids.contact, ids.otherContact] }), expect: 404 },
};

/** The only routes anyone may call without signing in (marked `security: []` in the document). */
const publicRoutes = ['POST /api/auth/sign-up/email', 'POST /api/auth/sign-in/email', 'POST /api/auth/sign-out', 'GET /api/public/book/{slug}', 'POST /api/public/book/{slug}', 'GET /api/calendar/{token}'];

/** Routes whose query needs a value to get past validation. */
const queries: Record<string, string> = { 'GET /api/v1/search': '?q=ada' };

describe.each(dialects)('route walk on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let ids: Ids;
  let routes: { key: string; method: Method; path: string; isPublic: boolean }[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    alice = await t.signUp(); // the first account: the admin
    bob = await t.signUp();
    const post = async (url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: alice.auth, payload });
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    const contact = await post('/contacts', { name: 'Ada Lovelace', tags: ['pioneers'] });
    const mentorship = await post('/mentorships', { contactId: contact, role: 'mentee', focus: 'Product sense', cadenceDays: 30 });
    const community = await post('/communities', { name: 'Private guild', weeklyGoal: 2 });
    ids = {
      contact,
      otherContact: await post('/contacts', { name: 'Grace Hopper' }),
      interaction: await post('/interactions', { contactIds: [contact], kind: 'call', occurredAt: '2026-01-01T10:00:00Z', summary: 'First call' }),
      note: await post(`/contacts/${contact}/notes`, { body: 'Private note' }),
      followUp: await post('/follow-ups', { contactId: contact, dueOn: '2026-02-01', reason: 'Send the paper' }),
      organization: await post('/organizations', { name: 'Analytical Engines' }),
      tag: await post('/tags', { name: 'walk-tag' }),
      token: await post('/tokens', { name: 'alice-walk' }),
      invitation: await post('/invitations', { email: 'invitee@example.com' }),
      milestone: await post('/milestones', { contactId: contact, kind: 'launch', title: 'Private launch', onDate: '2026-05-01' }),
      template: await post('/templates', { purpose: 'thank_you', name: 'Private template', body: 'Thanks {{firstName}}' }),
      event: await post('/events', { name: 'Private conference', startsOn: '2026-03-01' }),
      chat: await post('/chats', { contactId: contact, topic: 'Career advice', status: 'scheduled', scheduledAt: '2026-03-02T10:00:00Z' }),
      chatQuestion: await post('/chat-questions', { purpose: 'role', text: 'What surprised you most?' }),
      mentorship,
      mentorshipGoal: await post(`/mentorships/${mentorship}/goals`, { title: 'Ship a side project' }),
      mentorshipAction: await post(`/mentorships/${mentorship}/actions`, { title: 'Read the book', dueOn: '2026-02-01' }),
      community,
      contribution: await post(`/communities/${community}/contributions`, { kind: 'answer', title: 'Private answer' }),
      engagement: await post('/engagements', { contactId: contact, action: 'commented', platform: 'LinkedIn', note: 'Private comment' }),
      contentPost: await post('/content-posts', { topic: 'Private post idea', mentionIds: [contact] }),
      kudos: await post('/kudos', { contactId: contact, direction: 'given', text: 'Private thanks' }),
      favor: await post('/favors', { contactId: contact, direction: 'received', text: 'Private favor' }),
      goal: await post('/goals', { metric: 'reach_outs', target: 3 }),
      import: (
        await t.app.services.imports.applySource(alice.actor, async function* () {
          yield Buffer.from('name,email\nWalk Import,walk@import.example\n');
        }, {}, 'walk.csv')
      ).id,
    };
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as Method,
        path,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      })),
    );
  });
  afterAll(() => t?.close());

  const urlOf = (route: { key: string; path: string }, c?: Case) => route.path.replace('{id}', c?.id ? ids[c.id] : '00000000-0000-4000-8000-000000000000') + (queries[route.key] ?? '');

  it('covers every documented route, and only the sign-in routes are public', () => {
    expect(routes.length).toBeGreaterThan(30);
    const uncovered = routes.filter((r) => !r.isPublic && !cases[r.key]).map((r) => r.key);
    expect(uncovered, 'routes without a route-walk case: add them to `cases`').toEqual([]);
    expect(routes.filter((r) => r.isPublic).map((r) => r.key).sort()).toEqual([...publicRoutes].sort());
    const stale = Object.keys(cases).filter((key) => !routes.some((r) => r.key === key));
    expect(stale, 'cases for routes that no longer exist').toEqual([]);
  });

  it('answers 401 to every non-public route without credentials, with a bad token, and with a cookie from another site', async () => {
    for (const route of routes.filter((r) => !r.isPublic)) {
      const c = cases[route.key];
      const payload = c?.body?.(ids);
      for (const headers of [{}, { authorization: 'Bearer rap_not-a-real-token' }, { authorization: 'Basic YWxpY2U6c2VjcmV0' }]) {
        const res = await t.app.inject({ method: route.method, url: urlOf(route, c), headers, ...(payload && { payload }) });
        expect(res.statusCode, `${route.key} with ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      if (route.method !== 'GET') {
        const res = await t.app.inject({ method: route.method, url: urlOf(route, c), headers: { cookie: alice.cookie, origin: 'https://evil.example' }, ...(payload && { payload }) });
        expect(res.statusCode, `${route.key} cross-site`).toBe(403);
      }
    }
  });

  it("answers 404 (or 403 for admin routes) to a second user naming the first user's ids, and changes nothing", async () => {
    for (const route of routes.filter((r) => !r.isPublic)) {
      const c = cases[route.key]!;
      if (c.expect === 'own') continue;
      const payload = c.body?.(ids);
      const res = await t.app.inject({ method: route.method, url: urlOf(route, c), headers: bob.auth, ...(payload && { payload }) });
      expect(res.statusCode, `${route.key}: ${res.body}`).toBe(c.expect);
      if (c.expect === 404) expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
    }
    const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: alice.auth });
    expect((await get(`/contacts/${ids.contact}`)).json()).toMatchObject({ name: 'Ada Lovelace', tags: ['pioneers'] });
    expect((await get(`/interactions/${ids.interaction}`)).json()).toMatchObject({ summary: 'First call' });
    expect((await get(`/notes/${ids.note}`)).json()).toMatchObject({ body: 'Private note' });
    expect((await get(`/follow-ups/${ids.followUp}`)).json()).toMatchObject({ done: false });
    expect((await get(`/milestones/${ids.milestone}`)).json()).toMatchObject({ title: 'Private launch' });
    expect((await get(`/templates/${ids.template}`)).json()).toMatchObject({ name: 'Private template' });
    expect((await get(`/kudos/${ids.kudos}`)).json()).toMatchObject({ text: 'Private thanks' });
    expect((await get(`/favors/${ids.favor}`)).json()).toMatchObject({ text: 'Private favor' });
    expect((await get(`/goals/${ids.goal}`)).json()).toMatchObject({ target: 3 });
    expect((await get(`/organizations/${ids.organization}`)).json()).toMatchObject({ name: 'Analytical Engines' });
    expect((await get(`/tags/${ids.tag}`)).json()).toMatchObject({ name: 'walk-tag', contactCount: 0 });
    expect((await get('/tokens')).json().items.map((k: { id: string }) => k.id)).toContain(ids.token);
    expect((await get('/invitations')).json().items.map((i: { id: string }) => i.id)).toContain(ids.invitation);
  });

  it("never shows the first user's data in the second user's lists and search", async () => {
    for (const route of routes.filter((r) => !r.isPublic && r.method === 'GET' && cases[r.key]?.expect === 'own')) {
      const res = await t.app.inject({ method: 'GET', url: urlOf(route), headers: bob.auth });
      expect(res.statusCode, route.key).toBe(200);
      for (const id of Object.values(ids)) expect(res.body, `${route.key} leaks ${id}`).not.toContain(id);
      expect(res.body).not.toContain('Ada Lovelace');
    }
  });
});
