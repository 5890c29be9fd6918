import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';

describe.each(dialects)('Today agenda on %s', (dialect) => {
  let t: TestApp;
  let now = new Date('2026-06-15T16:00:00Z');
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t?.close());

  const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: user.auth, ...(payload && { payload }) });
  const at = async <T>(iso: string, body: () => Promise<T>): Promise<T> => {
    const saved = now;
    now = new Date(iso);
    try {
      return await body();
    } finally {
      now = saved;
    }
  };
  const contact = async (user: TestUser, body: object, createdAt = '2026-01-01T12:00:00Z') => at(createdAt, async () => (await call(user, 'POST', '/contacts', body)).json());
  const log = async (user: TestUser, contactIds: string[], kind: string, occurredAt: string) => {
    const res = await call(user, 'POST', '/interactions', { contactIds, kind, occurredAt, summary: `${kind} on ${occurredAt.slice(0, 10)}` });
    expect(res.statusCode).toBe(201);
  };
  const today = async (user: TestUser, query = '') => {
    const res = await call(user, 'GET', `/today${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { date: string; budget: number; more: number; items: { id: string; type: string; contactName: string; reason: string; actions: string[]; draftPurpose: string }[] };
  };

  it('lists every kind of item with its reason, one per contact, ranked, within the daily budget', async () => {
    const user = await t.signUp();
    const fay = await contact(user, { name: 'Fay Follow' });
    const bea = await contact(user, { name: 'Bea Birthday', birthday: '--06-17' });
    const ivy = await contact(user, { name: 'Ivy Inner', circle: 'inner' });
    const walt = await contact(user, { name: 'Walt Wider', circle: 'wider' });
    const dora = await contact(user, { name: 'Dora Dormant' });
    const nina = await contact(user, { name: 'Nina New', howWeMet: 'RemoteConf 2026' }, '2026-06-12T09:00:00Z');
    await contact(user, { name: 'Quiet Acquaintance', circle: 'acquaintance' });
    // Added yesterday, but with history logged from long ago: not someone met recently.
    const olga = await contact(user, { name: 'Olga Old' }, '2026-06-14T09:00:00Z');

    await call(user, 'POST', '/follow-ups', { contactId: fay.id, dueOn: '2026-06-13', reason: 'Send the slides' });
    // Fay also has a cadence due: one item per contact, the follow-up (more pressing) wins.
    await call(user, 'PATCH', `/contacts/${fay.id}`, { cadenceDays: 10 });
    await log(user, [ivy.id], 'coffee_chat', '2026-05-20T10:00:00Z');
    await log(user, [ivy.id], 'video_call', '2026-06-05T10:00:00Z');
    await log(user, [walt.id], 'call', '2025-05-01T10:00:00Z');
    for (const day of ['2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01']) await log(user, [dora.id], 'coffee_chat', `${day}T10:00:00Z`);
    await log(user, [olga.id], 'call', '2025-01-10T10:00:00Z');
    // A social reaction is contact, but does not keep a tie alive: Ivy stays due.
    await log(user, [ivy.id], 'social', '2026-06-14T10:00:00Z');

    const agenda = await today(user);
    expect(agenda).toMatchObject({ date: '2026-06-15', budget: 7, more: 0 });
    expect(agenda.items.map((i) => [i.type, i.contactName, i.reason])).toEqual([
      ['follow_up', 'Fay Follow', 'follow-up due 2 days ago'],
      ['milestone', 'Bea Birthday', 'birthday in 2 days'],
      ['cadence', 'Ivy Inner', 'no contact for 10 days, usually every 7'],
      ['new_contact', 'Nina New', 'met 3 days ago (RemoteConf 2026), no follow-up yet'],
      ['cadence', 'Walt Wider', 'no contact for 410 days, usually every 365'],
      ['dormant', 'Dora Dormant', 'once a strong tie, silent for 257 days'],
    ]);
    expect(agenda.items[0]).toMatchObject({ actions: ['log', 'done', 'snooze', 'draft'], draftPurpose: 'follow_up' });
    expect(agenda.items[1]).toMatchObject({ actions: ['log', 'done', 'draft'], draftPurpose: 'congratulations' });
    expect(agenda.items.map((i) => i.contactName)).not.toContain('Quiet Acquaintance');
    expect(agenda.items.map((i) => i.contactName)).not.toContain('Olga Old');
    expect(agenda.items.some((i) => i.contactName === nina.name)).toBe(true);

    // A budget of 3 keeps the top item of the first kinds, and says how many were left out.
    expect((await call(user, 'PATCH', '/relationship-settings', { dailyBudget: 3 })).statusCode).toBe(200);
    const small = await today(user);
    expect(small.items.map((i) => i.contactName)).toEqual(['Fay Follow', 'Bea Birthday', 'Ivy Inner']);
    expect(small.more).toBe(3);
    expect((await today(user, '?limit=5')).items).toHaveLength(5);

    // Actions: done, snooze (the contact comes back when the snooze ends), milestone done.
    const act = (item: string, action: string, until?: string) => call(user, 'POST', '/today/actions', { item, action, ...(until && { until }) });
    expect((await act(small.items[0]!.id, 'done')).statusCode).toBe(204);
    expect((await act(`cadence:${ivy.id}`, 'snooze', '2026-06-16')).statusCode).toBe(204);
    expect((await act(small.items[1]!.id, 'done')).statusCode).toBe(204);
    await call(user, 'PATCH', '/relationship-settings', { dailyBudget: 7 });
    const after = await today(user);
    expect(after.items.map((i) => i.contactName)).toEqual(['Fay Follow', 'Nina New', 'Walt Wider', 'Dora Dormant']);
    expect(after.items[0]).toMatchObject({ type: 'cadence', reason: 'no conversation since you added them 165 days ago, usually every 10' });
    const tomorrow = await at('2026-06-16T16:00:00Z', () => today(user));
    expect(tomorrow.items.map((i) => i.contactName)).toContain('Ivy Inner');
    expect(tomorrow.items.map((i) => i.contactName)).not.toContain('Bea Birthday');

    // Logging a conversation with Nina answers her "awaiting a first follow-up".
    await log(user, [nina.id], 'message', '2026-06-15T12:00:00Z');
    expect((await today(user)).items.map((i) => i.contactName)).not.toContain('Nina New');
  });

  it('lists the strong ties silent for half a year (or never met one to one), strongest first', async () => {
    const user = await t.signUp();
    const many = async (name: string, kind: string, dates: string[]) => {
      const c = await contact(user, { name });
      for (const day of dates) await log(user, [c.id], kind, `${day}T10:00:00Z`);
      return c;
    };
    const months = (year: number, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}-10`);
    await many('Ben Biggest', 'coffee_chat', months(2025, 1, 8)); // 24 points, silent since August
    await many('Dora Dormant', 'coffee_chat', months(2025, 1, 5)); // 15 points
    await many('Eve Events', 'event', months(2025, 1, 12)); // 12 points, none of them one to one
    await many('Stan Still', 'coffee_chat', [...months(2025, 1, 4), '2026-05-01']); // strong, in touch in May
    await many('Wes Weak', 'coffee_chat', months(2025, 1, 3)); // 9 points: never a strong tie
    await many('Sal Silent', 'coffee_chat', ['2025-12-01', '2025-12-05', '2025-12-10', '2025-12-15']); // 12 points, silent since 15 December (182 days)

    const agenda = await today(user, '?limit=20');
    expect(agenda.items.map((i) => [i.type, i.contactName, i.reason])).toEqual([
      ['dormant', 'Ben Biggest', 'once a strong tie, silent for 309 days'],
      ['dormant', 'Dora Dormant', 'once a strong tie, silent for 401 days'],
      ['dormant', 'Eve Events', 'once a strong tie, no one-to-one contact on record'],
      ['dormant', 'Sal Silent', 'once a strong tie, silent for 182 days'],
    ]);
    expect(agenda.more).toBe(0);
  });

  it('shows a milestone a week ahead, or as far ahead as it asks to be reminded', async () => {
    const user = await t.signUp();
    const milestone = async (name: string, onDate: string, remindDaysBefore: number) => {
      const c = await contact(user, { name });
      const res = await call(user, 'POST', '/milestones', { contactId: c.id, kind: 'launch', title: `${name} launches`, onDate, recurrence: 'once', remindDaysBefore });
      expect(res.statusCode, res.body).toBe(201);
    };
    await milestone('Soon Sam', '2026-06-20', 0);
    await milestone('Early Eve', '2026-07-05', 30);
    await milestone('Late Lou', '2026-07-05', 7);
    await milestone('Far Fred', '2026-08-30', 60);
    const agenda = await today(user);
    expect(agenda.items.filter((i) => i.type === 'milestone').map((i) => [i.contactName, i.reason])).toEqual([
      ['Soon Sam', 'launch in 5 days'],
      ['Early Eve', 'launch in 20 days'],
    ]);
  });

  it('reminds of the posts scheduled for today, outside the budget, with a link to the content plan', async () => {
    now = new Date('2026-06-15T22:30:00Z'); // already Tuesday the 16th in Berlin
    const user = await t.signUp();
    const other = await t.signUp();
    await call(user, 'PATCH', '/me', { timezone: 'Europe/Berlin' });
    const post = async (who: TestUser, body: object) => {
      const res = await call(who, 'POST', '/content-posts', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const due = await post(user, { topic: 'Lessons from remote onboarding', status: 'scheduled', platform: 'LinkedIn', plannedOn: '2026-06-16' });
    await post(user, { topic: 'No platform yet', status: 'scheduled', plannedOn: '2026-06-16' });
    await post(user, { topic: 'Tomorrow', status: 'scheduled', platform: 'LinkedIn', plannedOn: '2026-06-17' });
    await post(user, { topic: 'Just a draft', status: 'draft', platform: 'LinkedIn', plannedOn: '2026-06-16' });
    await post(other, { topic: 'Someone else’s', status: 'scheduled', platform: 'X', plannedOn: '2026-06-16' });

    const agenda = (await call(user, 'GET', '/today?limit=1')).json();
    expect(agenda).toMatchObject({ date: '2026-06-16', items: [] });
    expect(agenda.reminders).toEqual([
      { id: `content_post:${due}`, type: 'scheduled_post', title: 'Lessons from remote onboarding', reason: 'Scheduled post for LinkedIn today: Lessons from remote onboarding', date: '2026-06-16', link: '/social' },
      expect.objectContaining({ reason: 'Scheduled post today: No platform yet' }),
    ]);
    // Published, it leaves the agenda.
    expect((await call(user, 'PATCH', `/content-posts/${due}`, { status: 'published' })).statusCode).toBe(200);
    expect((await call(user, 'GET', '/today')).json().reminders.map((r: { title: string }) => r.title)).toEqual(['No platform yet']);
    expect((await call(other, 'GET', '/today')).json().reminders).toEqual([]); // the other user's day is still the 15th in UTC
  });

  it('refuses bad actions and other people’s items', async () => {
    const user = await t.signUp();
    const other = await t.signUp();
    const c = await contact(other, { name: 'Not yours', circle: 'inner' });
    expect((await call(user, 'POST', '/today/actions', { item: `cadence:${c.id}`, action: 'done' })).statusCode).toBe(404);
    expect((await call(user, 'POST', '/today/actions', { item: 'nonsense:1', action: 'done' })).statusCode).toBe(404);
    const noUntil = await call(user, 'POST', '/today/actions', { item: `cadence:${c.id}`, action: 'snooze' });
    expect(noUntil.statusCode).toBe(400);
    expect(noUntil.json().errors[0].path).toBe('until');
    const past = await call(other, 'POST', '/today/actions', { item: `cadence:${c.id}`, action: 'snooze', until: '2026-06-01' });
    expect(past.statusCode).toBe(400);
    expect((await call(user, 'GET', '/today?limit=0')).statusCode).toBe(400);
  });

  it('starts the day at midnight in the user’s time zone, across daylight-saving changes', async () => {
    const user = await t.signUp();
    expect((await call(user, 'PATCH', '/me', { timezone: 'America/New_York' })).statusCode).toBe(200);
    const c = await contact(user, { name: 'Dee Est', cadenceDays: 1 });
    await call(user, 'POST', '/follow-ups', { contactId: c.id, dueOn: '2026-03-08', reason: 'DST day' });
    // 01:30 EST on 8 March 2026, half an hour before clocks jump to EDT: due again on the 9th.
    await log(user, [c.id], 'call', '2026-03-08T06:30:00Z');
    const types = async (iso: string) => at(iso, async () => (await today(user)).items.map((i) => `${i.type}:${i.contactName}`));
    const date = async (iso: string) => at(iso, async () => (await today(user)).date);

    expect(await date('2026-03-08T04:59:00Z')).toBe('2026-03-07'); // 23:59 EST
    expect(await types('2026-03-08T04:59:00Z')).toEqual([]);
    expect(await date('2026-03-08T05:00:00Z')).toBe('2026-03-08'); // 00:00 EST
    expect(await types('2026-03-08T05:00:00Z')).toEqual(['follow_up:Dee Est']);
    await call(user, 'POST', '/today/actions', { item: (await at('2026-03-08T05:00:00Z', () => today(user))).items[0]!.id, action: 'done' });
    expect(await types('2026-03-09T03:59:00Z')).toEqual([]); // 23:59 EDT on the 8th: a day of 23 hours
    expect(await types('2026-03-09T04:00:00Z')).toEqual(['cadence:Dee Est']); // 00:00 EDT on the 9th

    // Autumn in Berlin: the day of 25 October 2026 has 25 hours.
    expect((await call(user, 'PATCH', '/me', { timezone: 'Europe/Berlin' })).statusCode).toBe(200);
    const berlin = await contact(user, { name: 'Bert Berlin' });
    await call(user, 'POST', '/follow-ups', { contactId: berlin.id, dueOn: '2026-10-26', reason: 'After the change' });
    expect(await date('2026-10-25T22:59:00Z')).toBe('2026-10-25'); // 23:59 CET
    expect((await at('2026-10-25T22:59:00Z', () => today(user))).items.map((i) => i.contactName)).not.toContain('Bert Berlin');
    expect(await date('2026-10-25T23:00:00Z')).toBe('2026-10-26'); // 00:00 CET
    expect((await at('2026-10-25T23:00:00Z', () => today(user))).items.map((i) => i.contactName)).toContain('Bert Berlin');
  });
});
