import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionKinds, initiators } from '../../../contracts/interactions';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';

describe.each(dialects)('circles, cadences and strength on %s', (dialect) => {
  let t: TestApp;
  let now = new Date('2026-06-15T16:00:00Z');
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t?.close());

  const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: user.auth, ...(payload && { payload }) });
  const contact = async (user: TestUser, body: object) => (await call(user, 'POST', '/contacts', body)).json();
  const get = async (user: TestUser, id: string) => (await call(user, 'GET', `/contacts/${id}`)).json();
  const log = async (user: TestUser, contactIds: string[], kind: string, occurredAt: string, initiatedBy: string | null = null) => {
    const res = await call(user, 'POST', '/interactions', { contactIds, kind, occurredAt, summary: 'Talked', initiatedBy });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('has Dunbar-like default cadences per circle; changing one moves the due dates of that circle only', async () => {
    const user = await t.signUp();
    const settings = (await call(user, 'GET', '/relationship-settings')).json();
    expect(settings).toMatchObject({ dailyBudget: 7, recencyHalfLifeDays: 30 });
    expect(settings.circles.map((c: { circle: string; cadenceDays: number | null; size: number | null }) => [c.circle, c.size, c.cadenceDays])).toEqual([
      ['inner', 5, 7],
      ['close', 15, 30],
      ['active', 50, 180],
      ['wider', 150, 365],
      ['acquaintance', null, null],
    ]);

    const close = await contact(user, { name: 'Close Friend', circle: 'close' });
    const own = await contact(user, { name: 'Own Cadence', circle: 'close', cadenceDays: 10 });
    const inner = await contact(user, { name: 'Inner Friend', circle: 'inner' });
    const none = await contact(user, { name: 'No Circle' });
    expect([close.nextDueOn, own.nextDueOn, inner.nextDueOn, none.nextDueOn]).toEqual(['2026-07-15', '2026-06-25', '2026-06-22', null]);

    await log(user, [close.id, own.id], 'call', '2026-06-10T10:00:00Z');
    expect((await get(user, close.id)).nextDueOn).toBe('2026-07-10');

    const changed = await call(user, 'PATCH', '/relationship-settings', { cadences: { close: 14, acquaintance: 90 } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().circles.find((c: { circle: string }) => c.circle === 'close')).toMatchObject({ cadenceDays: 14, defaultCadenceDays: 30 });
    expect((await get(user, close.id)).nextDueOn).toBe('2026-06-24');
    expect((await get(user, own.id)).nextDueOn).toBe('2026-06-20');
    expect((await get(user, inner.id)).nextDueOn).toBe('2026-06-22');

    // Moving a contact to another circle follows that circle's cadence; null turns a circle's reminders off.
    expect((await call(user, 'PATCH', `/contacts/${none.id}`, { circle: 'acquaintance' })).json().nextDueOn).toBe('2026-09-13');
    await call(user, 'PATCH', '/relationship-settings', { cadences: { acquaintance: null } });
    expect((await get(user, none.id)).nextDueOn).toBeNull();

    const bad = await call(user, 'PATCH', '/relationship-settings', { cadences: { close: 0 }, dailyBudget: 100 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['cadences.close', 'dailyBudget']);
  });

  it('counts only meaningful interactions for the next due date; a social reaction is still the last interaction', async () => {
    const user = await t.signUp();
    const c = await contact(user, { name: 'Meaning', cadenceDays: 30 });
    await log(user, [c.id], 'coffee_chat', '2026-05-01T10:00:00Z');
    await log(user, [c.id], 'social', '2026-06-01T10:00:00Z');
    await log(user, [c.id], 'team_activity', '2026-06-02T10:00:00Z');
    expect(await get(user, c.id)).toMatchObject({ lastInteractionAt: '2026-06-02T10:00:00.000Z', nextDueOn: '2026-05-31' });
  });

  it('shows the strength with its reasons on the contact; it falls as time passes and the half-life is the account’s', async () => {
    const user = await t.signUp();
    const c = await contact(user, { name: 'Strong Tie', circle: 'close' });
    expect((await get(user, c.id)).strength).toMatchObject({ score: 0, band: 'dormant', trend: 'steady' });
    for (const [day, by] of [['2026-03-01', 'me'], ['2026-04-01', 'them'], ['2026-05-01', 'me'], ['2026-06-01', 'them']] as const)
      await log(user, [c.id], 'video_call', `${day}T10:00:00Z`, by);
    const fresh = (await get(user, c.id)).strength;
    expect(fresh.score).toBeGreaterThan(30);
    expect(fresh.reasons.find((r: { factor: string }) => r.factor === 'recency').text).toBe('no contact for 14 days, usually every 30');
    expect(fresh.reasons.find((r: { factor: string }) => r.factor === 'reciprocity').text).toBe('they reached out 2 times, you 2 times');
    expect(fresh.reasons.find((r: { factor: string }) => r.factor === 'depth').text).toBe('deepest contact this year: video or in person');

    now = new Date('2026-09-15T16:00:00Z');
    const later = (await get(user, c.id)).strength;
    expect(later.score).toBeLessThan(fresh.score);
    expect(later.trend).toBe('fading');
    expect(later.reasons[0]).toMatchObject({ factor: 'recency', text: 'no contact for 106 days, usually every 30' });
    // The list carries the same strength.
    const listed = (await call(user, 'GET', '/contacts')).json().items.find((x: { id: string }) => x.id === c.id);
    expect(listed.strength).toEqual(later);
    // A longer half-life keeps recency up longer.
    await call(user, 'PATCH', '/relationship-settings', { recencyHalfLifeDays: 120 });
    expect((await get(user, c.id)).strength.score).toBeGreaterThan(later.score);
    now = new Date('2026-06-15T16:00:00Z');
  });

  it('recomputing everything from the interactions gives what the writes kept', async () => {
    const user = await t.signUp();
    const a = await contact(user, { name: 'A', circle: 'inner' });
    const b = await contact(user, { name: 'B', cadenceDays: 20 });
    const i = await log(user, [a.id, b.id], 'meeting', '2026-05-01T10:00:00Z', 'mutual');
    await log(user, [a.id], 'message', '2026-06-10T10:00:00Z', 'them');
    await log(user, [b.id], 'social', '2026-06-11T10:00:00Z');
    await call(user, 'PATCH', `/interactions/${i.id}`, { occurredAt: '2026-04-01T10:00:00Z' });
    // Changing only the kind moves the derived facts too: a social reaction would not reset the clock.
    const social = await log(user, [b.id], 'call', '2026-06-12T10:00:00Z');
    expect((await get(user, b.id)).nextDueOn).toBe('2026-07-02');
    await call(user, 'PATCH', `/interactions/${social.id}`, { kind: 'social' });
    expect((await get(user, b.id)).nextDueOn).toBe('2026-04-21');
    const before = await Promise.all([get(user, a.id), get(user, b.id)]);
    const rows = () =>
      t.database.db
        .selectFrom('contact')
        .select(['id', 'last_interaction_at', 'last_meaningful_at', 'first_interaction_at', 'rel_points', 'rel_them', 'rel_me', 'rel_months', 'next_due_on'])
        .where('owner_id', '=', user.userId)
        .orderBy('id')
        .execute();
    const stored = await rows();
    // Scramble the stored aggregates, then recompute.
    await t.database.db.updateTable('contact').set({ rel_points: 0, rel_months: '{}', next_due_on: null }).where('owner_id', '=', user.userId).execute();
    // Links written without the copied kind (by a writer that does not copy it) count the same.
    await t.database.db.updateTable('interaction_contact').set({ kind: null, initiated_by: null }).where('owner_id', '=', user.userId).where('contact_id', '=', a.id).execute();
    const res = await call(user, 'POST', '/relationship-settings/recompute');
    expect(res.json()).toEqual({ contacts: 2, changed: 2 });
    expect((await call(user, 'POST', '/relationship-settings/recompute')).json()).toEqual({ contacts: 2, changed: 0 });
    expect(await rows()).toEqual(stored);
    expect(await Promise.all([get(user, a.id), get(user, b.id)])).toEqual(before);
    expect(JSON.parse(stored[0]!.rel_months!)).toEqual(stored[0]!.id === a.id ? { '2026-04': [2, 4, 1], '2026-06': [0.5, 2, 1] } : { '2026-04': [2, 4, 1], '2026-06': [0.5, 1, 2] });
  });

  it('never lowers the score when an interaction is logged (through the API, on the real database)', async () => {
    const user = await t.signUp();
    const day = 86_400_000;
    const base = Date.parse('2026-06-15T16:00:00Z');
    const interaction = fc.record({
      kind: fc.constantFrom(...interactionKinds),
      daysAgo: fc.integer({ min: 0, max: 800 }),
      initiatedBy: fc.constantFrom(...initiators, null),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(interaction, { maxLength: 6 }), interaction, fc.constantFrom(null, 7, 30, 365), async (list, extra, cadenceDays) => {
        const c = await contact(user, { name: 'Property', cadenceDays });
        for (const i of list) await log(user, [c.id], i.kind, new Date(base - i.daysAgo * day).toISOString(), i.initiatedBy);
        const before = (await get(user, c.id)).strength.score;
        await log(user, [c.id], extra.kind, new Date(base - extra.daysAgo * day).toISOString(), extra.initiatedBy);
        expect((await get(user, c.id)).strength.score).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 12 },
    );
  });
});
