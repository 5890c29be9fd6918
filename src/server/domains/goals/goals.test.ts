import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';
import { insertMilestone } from '../milestones/milestones.repository';
import { streakOf } from './weeks';

describe('streakOf', () => {
  const counts = new Map([
    ['2026-02-02', 2],
    ['2026-02-09', 3],
    ['2026-02-16', 1],
    ['2026-02-23', 2],
  ]);
  it('counts back from the last complete week; an unfinished week adds once met and never breaks', () => {
    expect(streakOf(counts, 2, '2026-03-02', '2026-01-05')).toBe(1);
    expect(streakOf(new Map([...counts, ['2026-03-02', 2]]), 2, '2026-03-02', '2026-01-05')).toBe(2);
    expect(streakOf(counts, 2, '2026-02-23', '2026-01-05')).toBe(1);
    expect(streakOf(counts, 1, '2026-03-02', '2026-01-05')).toBe(4);
    expect(streakOf(counts, 1, '2026-03-02', '2026-02-16')).toBe(2);
    expect(streakOf(counts, 2, '2026-03-09', '2026-01-05')).toBe(0);
  });
});

describe.each(dialects)('weekly goals and review on %s', (dialect) => {
  let t: TestApp;
  let now = new Date('2026-02-02T08:00:00Z');
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t?.close());

  const log = (user: TestUser, contactId: string, occurredAt: string, initiatedBy: 'me' | 'them' = 'me', kind = 'call') =>
    t.call(user, 'POST', '/interactions', { contactIds: [contactId], kind, occurredAt, summary: 'Talked', initiatedBy });

  it('counts reach-outs per Monday-to-Sunday week in the user’s time zone, with streaks across week boundaries', async () => {
    now = new Date('2026-02-02T08:00:00Z'); // Monday
    const user = await t.signUp();
    await t.call(user, 'PATCH', '/me', { timezone: 'Europe/Berlin' });
    const ada = (await t.call(user, 'POST', '/contacts', { name: 'Ada' })).json().id;
    const goal = await t.call(user, 'POST', '/goals', { metric: 'reach_outs', target: 2 });
    expect(goal.statusCode).toBe(201);
    expect(goal.json()).toMatchObject({ metric: 'reach_outs', label: 'Reach-outs', target: 2, thisWeek: 0, met: false, streak: 0 });
    expect((await t.call(user, 'POST', '/goals', { metric: 'reach_outs', target: 3 })).statusCode).toBe(409);

    await log(user, ada, '2026-02-02T10:00:00Z');
    await log(user, ada, '2026-02-08T22:30:00Z'); // Sunday 23:30 in Berlin: still the week of Feb 2
    await log(user, ada, '2026-02-09T10:00:00Z');
    await log(user, ada, '2026-02-10T10:00:00Z');
    await log(user, ada, '2026-02-11T10:00:00Z', 'them'); // not a reach-out
    await log(user, ada, '2026-02-17T10:00:00Z');
    await log(user, ada, '2026-02-22T23:30:00Z'); // Monday 00:30 in Berlin: the week of Feb 23, not Feb 16
    await log(user, ada, '2026-02-24T10:00:00Z');
    await log(user, ada, '2026-03-03T10:00:00Z');

    now = new Date('2026-03-04T12:00:00Z'); // Wednesday of the week of Mar 2
    let list = (await t.call(user, 'GET', '/goals')).json();
    expect(list).toMatchObject({ weekStart: '2026-03-02', weekEnd: '2026-03-08', timezone: 'Europe/Berlin' });
    expect(list.items[0]).toMatchObject({ thisWeek: 1, met: false, streak: 1 });
    expect(list.items[0].history.map((w: { count: number }) => w.count)).toEqual([0, 0, 0, 2, 2, 1, 2, 1]);

    await log(user, ada, '2026-03-04T09:00:00Z');
    list = (await t.call(user, 'GET', '/goals')).json();
    expect(list.items[0]).toMatchObject({ thisWeek: 2, met: true, streak: 2 });

    // Raising the target applies to every week: no week reached 3.
    expect((await t.call(user, 'PATCH', `/goals/${goal.json().id}`, { target: 3 })).json()).toMatchObject({ target: 3, streak: 0, met: false });
    await t.call(user, 'PATCH', `/goals/${goal.json().id}`, { target: 2 });

    // Two weeks later with nothing logged since, the streak is gone.
    now = new Date('2026-03-16T12:00:00Z');
    expect((await t.call(user, 'GET', `/goals/${goal.json().id}`)).json()).toMatchObject({ thisWeek: 0, streak: 0 });
    expect((await t.call(user, 'DELETE', `/goals/${goal.json().id}`)).statusCode).toBe(204);
    expect((await t.call(user, 'GET', '/goals')).json().items).toEqual([]);
  });

  it('counts new connections and kudos given; a streak never reaches back before the goal was set', async () => {
    now = new Date('2026-03-04T12:00:00Z');
    const user = await t.signUp();
    const grace = (await t.call(user, 'POST', '/contacts', { name: 'Grace' })).json().id; // created this week
    for (const day of ['2026-02-10', '2026-02-17', '2026-02-24', '2026-03-03'])
      await t.call(user, 'POST', '/kudos', { contactId: grace, direction: 'given', text: 'Thank you', occurredOn: day });
    await t.call(user, 'POST', '/kudos', { contactId: grace, direction: 'received', text: 'Thanks back', occurredOn: '2026-03-03' });
    const kudos = (await t.call(user, 'POST', '/goals', { metric: 'kudos_given', target: 1 })).json();
    expect(kudos).toMatchObject({ thisWeek: 1, met: true, streak: 1 });
    expect(kudos.history.slice(-3).map((w: { count: number }) => w.count)).toEqual([1, 1, 1]);
    const connections = (await t.call(user, 'POST', '/goals', { metric: 'new_connections', target: 2 })).json();
    expect(connections).toMatchObject({ thisWeek: 1, met: false, streak: 0 });
    // A week after the goals were set, both weeks met: streak 2.
    now = new Date('2026-03-10T12:00:00Z');
    await t.call(user, 'POST', '/kudos', { contactId: grace, direction: 'given', text: 'Again', occurredOn: '2026-03-09' });
    expect((await t.call(user, 'GET', `/goals/${kudos.id}`)).json()).toMatchObject({ streak: 2 });
  });

  it('counts community contributions across all your communities, with streak, history and the review', async () => {
    now = new Date('2026-03-04T12:00:00Z'); // Wednesday of the week of Mar 2
    const user = await t.signUp();
    const other = await t.signUp();
    const guild = (await t.call(user, 'POST', '/communities', { name: 'Rust guild', weeklyGoal: 2 })).json().id;
    const forum = (await t.call(user, 'POST', '/communities', { name: 'Design forum' })).json().id;
    const theirs = (await t.call(other, 'POST', '/communities', { name: 'Not mine' })).json().id;
    const contribute = (who: TestUser, community: string, occurredOn: string) =>
      t.call(who, 'POST', `/communities/${community}/contributions`, { kind: 'answer', title: 'Helped', occurredOn });
    for (const [c, day] of [
      [guild, '2026-02-16'],
      [forum, '2026-02-22'], // Sunday: still the week of Feb 16
      [guild, '2026-02-23'],
      [forum, '2026-03-01'],
      [guild, '2026-03-02'], // this week
    ] as const)
      expect((await contribute(user, c, day)).statusCode).toBe(201);
    await contribute(other, theirs, '2026-03-03'); // someone else's: never counted
    await contribute(other, theirs, '2026-03-03');

    const created = await t.call(user, 'POST', '/goals', { metric: 'community_contributions', target: 2 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ metric: 'community_contributions', label: 'Community contributions', target: 2, thisWeek: 1, met: false, streak: 0 });
    expect(created.json().history.slice(-3).map((w: { count: number }) => w.count)).toEqual([2, 2, 1]);

    // Set a week later: the week of Mar 2 reaches 2 and counts; earlier weeks are before the goal.
    await contribute(user, forum, '2026-03-08');
    now = new Date('2026-03-10T12:00:00Z');
    const list = (await t.call(user, 'GET', '/goals')).json();
    expect(list.items).toEqual([expect.objectContaining({ metric: 'community_contributions', thisWeek: 0, met: false, streak: 1 })]);
    const patched = await t.call(user, 'PATCH', `/goals/${created.json().id}`, { target: 3 });
    expect(patched.json()).toMatchObject({ target: 3, streak: 0 });
    const review = (await t.call(user, 'GET', '/review')).json();
    expect(review.lastWeek.goals).toEqual([{ metric: 'community_contributions', label: 'Community contributions', target: 3, count: 2, met: false }]);
    expect((await t.call(other, 'GET', `/goals/${created.json().id}`)).statusCode).toBe(404);
  });

  it('refuses bad goals and hides other people’s', async () => {
    const user = await t.signUp();
    const other = await t.signUp();
    const bad = await t.call(user, 'POST', '/goals', { metric: 'steps', target: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['metric', 'target']);
    const goal = (await t.call(user, 'POST', '/goals', { metric: 'reach_outs', target: 1 })).json();
    expect((await t.call(other, 'GET', `/goals/${goal.id}`)).statusCode).toBe(404);
    expect((await t.call(other, 'PATCH', `/goals/${goal.id}`, { target: 5 })).statusCode).toBe(404);
    expect((await t.call(other, 'GET', '/goals')).json().items).toEqual([]);
    expect((await t.call(user, 'GET', '/review?week=2026-13-01')).statusCode).toBe(400);
  });

  it('reviews last week and looks at the seven days ahead', async () => {
    now = new Date('2026-02-25T12:00:00Z'); // in the week of Feb 23
    const user = await t.signUp();
    await t.call(user, 'PATCH', '/me', { timezone: 'America/New_York' });
    const ada = (await t.call(user, 'POST', '/contacts', { name: 'Ada', birthday: '--03-06' })).json().id;
    const grace = (await t.call(user, 'POST', '/contacts', { name: 'Grace', birthday: '1990-03-10' })).json().id;
    await t.call(user, 'POST', '/contacts', { name: 'Later', birthday: '--03-11' });
    await t.call(user, 'POST', '/goals', { metric: 'reach_outs', target: 2 });
    await t.call(user, 'POST', '/goals', { metric: 'new_connections', target: 5 });
    await log(user, ada, '2026-02-24T15:00:00Z', 'me', 'video_call');
    await log(user, grace, '2026-02-26T15:00:00Z', 'me', 'call');
    await log(user, grace, '2026-02-27T15:00:00Z', 'them', 'call');
    await log(user, grace, '2026-03-02T03:00:00Z', 'me', 'call'); // Sunday 22:00 in New York: last week
    await log(user, grace, '2026-03-02T06:00:00Z', 'me', 'call'); // Monday 01:00 in New York: this week
    await t.call(user, 'POST', '/kudos', { contactId: ada, direction: 'given', text: 'Nice', occurredOn: '2026-02-28' });
    await t.call(user, 'POST', '/favors', { contactId: ada, direction: 'received', text: 'Intro', occurredOn: '2026-03-01' });
    const done = (await t.call(user, 'POST', '/follow-ups', { contactId: ada, dueOn: '2026-02-25', reason: 'Send notes' })).json();
    await t.call(user, 'PATCH', `/follow-ups/${done.id}`, { done: true });
    const overdue = await t.call(user, 'POST', '/follow-ups', { contactId: ada, dueOn: '2026-03-01', reason: 'Overdue one' });
    expect(overdue.statusCode).toBe(201);
    await t.call(user, 'POST', '/follow-ups', { contactId: grace, dueOn: '2026-03-09', reason: 'Ahead' });
    await t.call(user, 'POST', '/follow-ups', { contactId: grace, dueOn: '2026-03-12', reason: 'Too far' });

    await insertMilestone(t.database.db, {
      id: '0190a4c2-0000-7000-8000-00000000aaaa',
      owner_id: user.userId,
      contact_id: grace,
      kind: 'launch',
      title: 'Grace’s compiler ships',
      on_date: '2026-03-05',
      month_day: '03-05',
      recurrence: 'once',
      remind_days_before: 0,
      notes: null,
      dismissed_through: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });

    now = new Date('2026-03-04T04:00:00Z'); // Tuesday 23:00 Mar 3 in New York
    const review = (await t.call(user, 'GET', '/review')).json();
    expect(review.lastWeek).toMatchObject({
      start: '2026-02-23',
      end: '2026-03-01',
      interactions: 4,
      interactionsByKind: { video_call: 1, call: 3 },
      reachOuts: 3,
      newContacts: 3,
      kudosGiven: 1,
      kudosReceived: 0,
      favorsGiven: 0,
      favorsReceived: 1,
      followUpsDone: 1,
    });
    expect(review.lastWeek.goals).toEqual([
      { metric: 'reach_outs', label: 'Reach-outs', target: 2, count: 3, met: true },
      { metric: 'new_connections', label: 'New connections', target: 5, count: 3, met: false },
    ]);
    expect(review.weekAhead).toMatchObject({ start: '2026-03-03', end: '2026-03-09', overdueFollowUps: 1 });
    expect(review.weekAhead.followUpsDue.map((f: { reason: string }) => f.reason)).toEqual(['Ahead']);
    expect(review.weekAhead.birthdays.map((b: { contactName: string; on: string }) => [b.contactName, b.on])).toEqual([['Ada', '2026-03-06']]);
    expect(review.weekAhead.milestones).toEqual([{ contactId: grace, contactName: 'Grace', kind: 'launch', title: 'Grace’s compiler ships', on: '2026-03-05' }]);

    const earlier = (await t.call(user, 'GET', '/review?week=2026-03-03')).json();
    expect(earlier.lastWeek).toMatchObject({ start: '2026-03-02', end: '2026-03-08', interactions: 1 });
  });
});
