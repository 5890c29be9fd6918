import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';

describe.each(dialects)('mentorships API on %s', (dialect) => {
  let t: TestApp;
  let sam: TestUser;
  let other: TestUser;
  let now = new Date('2026-05-12T09:00:00Z');
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    sam = await t.signUp();
    other = await t.signUp();
  });
  afterAll(() => t?.close());

  const due = async () => (await t.call(sam, 'GET', '/follow-ups?status=all')).json().items.filter((f: any) => !f.done).map((f: any) => `${f.dueOn} ${f.reason}`);

  it('a mentorship with a cadence: sessions are interactions, the next session and action items are follow-ups', async () => {
    const grace = (await t.call(sam, 'POST', '/contacts', { name: 'Grace Hopper' })).json();
    const created = await t.call(sam, 'POST', '/mentorships', { contactId: grace.id, role: 'mentee', focus: 'Becoming a staff engineer', cadenceDays: 14 });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({ contactName: 'Grace Hopper', role: 'mentee', status: 'active', startedOn: '2026-05-12', nextSessionOn: '2026-05-26', lastSessionAt: null, goals: [], actions: [] });
    expect(await due()).toEqual(['2026-05-26 Next mentorship session with Grace Hopper (your mentor): Becoming a staff engineer']);

    const goal = (await t.call(sam, 'POST', `/mentorships/${m.id}/goals`, { title: 'Lead a cross-team project' })).json();
    expect(goal).toMatchObject({ title: 'Lead a cross-team project', status: 'open' });
    expect((await t.call(sam, 'PATCH', `/mentorship-goals/${goal.id}`, { status: 'in_progress' })).json().status).toBe('in_progress');
    const action = (await t.call(sam, 'POST', `/mentorships/${m.id}/actions`, { title: 'Write the design doc', dueOn: '2026-05-12' })).json();
    expect(action).toMatchObject({ title: 'Write the design doc', dueOn: '2026-05-12', done: false });
    // Action items due today are on the due list (and so on the Today agenda).
    expect((await t.call(sam, 'GET', '/follow-ups?status=due')).json().items.map((f: any) => f.reason)).toEqual(['Mentorship with Grace Hopper: Write the design doc']);

    const session = await t.call(sam, 'POST', `/mentorships/${m.id}/sessions`, { occurredAt: '2026-05-20T16:00:00Z', summary: 'Reviewed the design doc', durationMinutes: 45 });
    expect(session.statusCode, session.body).toBe(201);
    const timeline = (await t.call(sam, 'GET', `/contacts/${grace.id}/interactions`)).json().items;
    expect(timeline[0]).toMatchObject({ kind: 'mentorship_session', summary: 'Reviewed the design doc', durationMinutes: 45 });
    const after = (await t.call(sam, 'GET', `/mentorships/${m.id}`)).json();
    expect(after).toMatchObject({ lastSessionAt: '2026-05-20T16:00:00.000Z', nextSessionOn: '2026-06-03', goals: [{ status: 'in_progress' }], actions: [{ done: false }] });
    expect((await t.call(sam, 'GET', `/mentorships/${m.id}/sessions`)).json().items.map((s: any) => s.summary)).toEqual(['Reviewed the design doc']);

    expect((await t.call(sam, 'PATCH', `/mentorship-actions/${action.id}`, { done: true })).json().done).toBe(true);
    // One next-session follow-up, moved rather than duplicated; pausing closes it, resuming reopens one.
    expect(await due()).toEqual(['2026-06-03 Next mentorship session with Grace Hopper (your mentor): Becoming a staff engineer']);
    expect((await t.call(sam, 'PATCH', `/mentorships/${m.id}`, { status: 'paused' })).json().nextSessionOn).toBeNull();
    expect(await due()).toEqual([]);
    now = new Date('2026-06-10T09:00:00Z');
    const resumed = (await t.call(sam, 'PATCH', `/mentorships/${m.id}`, { status: 'active', cadenceDays: 30 })).json();
    expect(resumed.nextSessionOn).toBe('2026-06-19'); // 30 days after the last session
    now = new Date('2026-05-12T09:00:00Z');

    expect((await t.call(sam, 'GET', '/mentorships?role=mentee')).json().items.map((x: any) => x.id)).toContain(m.id);
    expect((await t.call(sam, 'GET', '/mentorships?role=mentor')).json().items.map((x: any) => x.id)).not.toContain(m.id);
    expect((await t.call(sam, 'DELETE', `/mentorships/${m.id}`)).statusCode).toBe(204);
    expect(await due()).toEqual([]);
    expect((await t.call(sam, 'GET', `/contacts/${grace.id}/interactions`)).json().items).toHaveLength(1);
  });

  it('finds a mentor among contacts with an expertise tag, strongest relationship first, with a request message', async () => {
    const close = (await t.call(sam, 'POST', '/contacts', { name: 'Linus Close', tags: ['product-management'] })).json();
    const far = (await t.call(sam, 'POST', '/contacts', { name: 'Ann Far', tags: ['product-management'] })).json();
    await t.call(sam, 'POST', '/contacts', { name: 'No Tag' });
    for (const day of ['01', '08', '15', '22']) await t.call(sam, 'POST', '/interactions', { contactIds: [close.id], kind: 'video_call', occurredAt: `2026-04-${day}T10:00:00Z`, summary: 'Catch-up', durationMinutes: 45 });
    const found = (await t.call(sam, 'GET', '/mentorships/candidates?tag=product-management')).json().items;
    expect(found.map((c: any) => c.name)).toEqual(['Linus Close', 'Ann Far']);
    expect(found[0].strength.score).toBeGreaterThan(found[1].strength?.score ?? 0);
    expect(found[0].requestMessage).toMatch(/^Hi Linus, I have long admired your work on product management\./);
    expect(far.id).toBe(found[1].contactId);
  });

  it('refuses bad input and other people’s data', async () => {
    const bad = await t.call(sam, 'POST', '/mentorships', { contactId: 'nope', role: 'buddy', focus: '', cadenceDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: any) => e.path).sort()).toEqual(['cadenceDays', 'contactId', 'focus', 'role']);
    const theirs = (await t.call(other, 'POST', '/contacts', { name: 'Theirs' })).json();
    expect((await t.call(sam, 'POST', '/mentorships', { contactId: theirs.id, role: 'mentor', focus: 'x' })).statusCode).toBe(404);
    const mine = (await t.call(sam, 'POST', '/contacts', { name: 'Mentee' })).json();
    const m = (await t.call(sam, 'POST', '/mentorships', { contactId: mine.id, role: 'mentor', focus: 'Public speaking' })).json();
    expect(m.nextSessionOn).toBeNull();
    expect((await t.call(sam, 'POST', `/mentorships/${m.id}/actions`, { title: 'x' })).json().errors[0].path).toBe('dueOn');
    expect((await t.call(other, 'POST', `/mentorships/${m.id}/goals`, { title: 'x' })).statusCode).toBe(404);
  });
});
