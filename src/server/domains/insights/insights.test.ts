import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';

describe.each(dialects)('insights on %s', (dialect) => {
  let t: TestApp;
  let user: TestUser;
  let other: TestUser;
  let now = new Date('2026-01-10T12:00:00Z');
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    user = await t.signUp();
    other = await t.signUp();
  });
  afterAll(() => t?.close());

  const log = (contactId: string, occurredAt: string, kind = 'call') =>
    t.call(user, 'POST', '/interactions', { contactIds: [contactId], kind, occurredAt, summary: 'Talked', initiatedBy: 'me' });

  it('charts interactions per week by kind, strength by circle, fading ties and goal streaks', async () => {
    await t.call(user, 'PATCH', '/me', { timezone: 'America/New_York' });
    const faded = (await t.call(user, 'POST', '/contacts', { name: 'Faded Friend', circle: 'close' })).json().id;
    const fresh = (await t.call(user, 'POST', '/contacts', { name: 'Fresh Friend', circle: 'close' })).json().id;
    await t.call(user, 'POST', '/contacts', { name: 'Nobody Yet' });
    // Three calls five months before "now", none since: a tie that was alive and is fading.
    for (const day of ['05', '12', '19']) await log(faded, `2025-10-${day}T15:00:00Z`);
    now = new Date('2026-03-04T17:00:00Z'); // Wednesday, week of Mar 2
    await log(fresh, '2026-03-02T15:00:00Z', 'video_call');
    await log(fresh, '2026-03-02T03:00:00Z'); // Sunday 22:00 in New York: the week of Feb 23
    await log(fresh, '2026-02-24T15:00:00Z', 'coffee_chat');
    await log(fresh, '2026-02-10T15:00:00Z', 'email');
    await t.call(user, 'POST', '/goals', { metric: 'reach_outs', target: 1 });

    const res = await t.call(user, 'GET', '/insights?weeks=4');
    expect(res.statusCode).toBe(200);
    const insights = res.json();
    expect(insights.timezone).toBe('America/New_York');
    expect(insights.interactionsPerWeek).toEqual([
      { weekStart: '2026-02-09', total: 1, byKind: { email: 1 } },
      { weekStart: '2026-02-16', total: 0, byKind: {} },
      { weekStart: '2026-02-23', total: 2, byKind: { coffee_chat: 1, call: 1 } },
      { weekStart: '2026-03-02', total: 1, byKind: { video_call: 1 } },
    ]);
    expect(insights.kinds).toEqual(['call', 'coffee_chat', 'email', 'video_call']);

    const close = insights.circles.find((c: { circle: string }) => c.circle === 'close');
    expect(close).toMatchObject({ contacts: 2 });
    expect(close.buckets.reduce((a: number, b: number) => a + b, 0)).toBe(2);
    expect(close.averageStrength).toBeGreaterThan(0);
    expect(insights.circles.find((c: { circle: string }) => c.circle === 'none')).toMatchObject({ contacts: 1, averageStrength: 0, buckets: [1, 0, 0, 0, 0] });

    expect(insights.fading.map((f: { name: string }) => f.name)).toEqual(['Faded Friend']);
    expect(insights.fading[0]).toMatchObject({ contactId: faded, circle: 'close', daysSince: 136 });
    expect(insights.fading[0].reason).toBe("no contact for 136 days, usually every 30; overdue for contact");

    expect(insights.goalStreaks).toEqual([
      expect.objectContaining({ metric: 'reach_outs', label: 'Reach-outs', target: 1, streak: 1 }),
    ]);
    expect(insights.goalStreaks[0].history).toHaveLength(8);

    // Another account sees none of it.
    const theirs = (await t.call(other, 'GET', '/insights')).json();
    expect(theirs.interactionsPerWeek).toHaveLength(12);
    expect(theirs.interactionsPerWeek.every((w: { total: number }) => w.total === 0)).toBe(true);
    expect(theirs).toMatchObject({ circles: [], fading: [], goalStreaks: [] });
    expect((await t.call(user, 'GET', '/insights?weeks=2')).statusCode).toBe(400);
  });
});
