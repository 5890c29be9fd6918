import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';

describe.each(dialects)('communities API on %s', (dialect) => {
  let t: TestApp;
  let lena: TestUser;
  let other: TestUser;
  const now = new Date('2026-05-13T09:00:00Z'); // a Wednesday; the week started Monday 2026-05-11
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    lena = await t.signUp();
    other = await t.signUp();
  });
  afterAll(() => t?.close());


  it('records contributions: this week against the goal, the streak, 12 weeks of activity', async () => {
    const created = await t.call(lena, 'POST', '/communities', { name: 'Remote Leaders', platform: 'Slack', link: 'https://remote-leaders.slack.com', role: 'moderator', weeklyGoal: 2 });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ name: 'Remote Leaders', role: 'moderator', weeklyGoal: 2, thisWeek: 0, streak: 0, members: 0, contributions: 0 });
    expect(c.weeks).toHaveLength(12);
    expect(c.weeks.at(-1)).toEqual({ weekStart: '2026-05-11', count: 0 });

    const add = (kind: string, title: string, occurredOn?: string) => t.call(lena, 'POST', `/communities/${c.id}/contributions`, { kind, title, ...(occurredOn && { occurredOn }) });
    expect((await add('answer', 'How we run async standups')).json()).toMatchObject({ kind: 'answer', occurredOn: '2026-05-13' });
    // Two in each of the two previous weeks (a streak of 2), one three weeks ago (breaks it).
    for (const day of ['2026-05-04', '2026-05-10', '2026-04-27', '2026-04-28', '2026-04-21']) await add('post', `Post ${day}`, day);
    const after = (await t.call(lena, 'GET', `/communities/${c.id}`)).json();
    expect(after).toMatchObject({ thisWeek: 1, streak: 2, contributions: 6 });
    expect(after.weeks.slice(-4)).toEqual([
      { weekStart: '2026-04-20', count: 1 },
      { weekStart: '2026-04-27', count: 2 },
      { weekStart: '2026-05-04', count: 2 },
      { weekStart: '2026-05-11', count: 1 },
    ]);
    const list = (await t.call(lena, 'GET', `/communities/${c.id}/contributions`)).json().items;
    expect(list[0]).toMatchObject({ title: 'How we run async standups' });
    expect((await t.call(lena, 'DELETE', `/community-contributions/${list[0].id}`)).statusCode).toBe(204);
    expect((await t.call(lena, 'GET', `/communities/${c.id}`)).json().thisWeek).toBe(0);
  });

  it('links the members you know there with a line of context; other people’s data answers 404', async () => {
    const c = (await t.call(lena, 'POST', '/communities', { name: 'Rust Forum' })).json();
    const ada = (await t.call(lena, 'POST', '/contacts', { name: 'Ada Lovelace' })).json();
    const res = await t.call(lena, 'POST', `/communities/${c.id}/members`, { members: [{ contactId: ada.id, context: 'answers async questions' }] });
    expect(res.statusCode).toBe(201);
    expect(res.json().items).toEqual([expect.objectContaining({ contactName: 'Ada Lovelace', context: 'answers async questions' })]);
    await t.call(lena, 'POST', `/communities/${c.id}/members`, { members: [{ contactId: ada.id, context: 'moderator now' }] });
    expect((await t.call(lena, 'GET', `/communities/${c.id}/members`)).json().items.map((m: any) => m.context)).toEqual(['moderator now']);
    expect((await t.call(lena, 'GET', `/communities/${c.id}`)).json().members).toBe(1);

    const theirs = (await t.call(other, 'POST', '/contacts', { name: 'Theirs' })).json();
    expect((await t.call(lena, 'POST', `/communities/${c.id}/members`, { members: [{ contactId: theirs.id }] })).statusCode).toBe(404);
    expect((await t.call(other, 'GET', `/communities/${c.id}/members`)).statusCode).toBe(404);
    const bad = await t.call(lena, 'POST', '/communities', { name: '', role: 'king', weeklyGoal: 0, link: 'nope' });
    expect(bad.json().errors.map((e: any) => e.path).sort()).toEqual(['link', 'name', 'role', 'weeklyGoal']);
    expect((await t.call(lena, 'DELETE', `/communities/${c.id}/members`, { contactIds: [ada.id] })).statusCode).toBe(204);
    expect((await t.call(lena, 'DELETE', `/communities/${c.id}`)).statusCode).toBe(204);
    expect((await t.call(lena, 'GET', `/contacts/${ada.id}`)).statusCode).toBe(200);
  });
});
