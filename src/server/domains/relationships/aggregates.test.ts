import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionKinds, initiators } from '../../../contracts/interactions';
import { createTestApp, dialects, type TestApp } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';
import { aggregatesOf } from './aggregates';
import { recomputeOwner } from './recompute';

describe.each(dialects)('aggregates of a whole account on %s', (dialect) => {
  let t: TestApp;
  const now = new Date('2026-06-15T16:00:00Z');
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t?.close());

  it('are what the per-contact aggregation gives, for every kind and initiator, at the edges of the window', async () => {
    const user = await t.signUp();
    const call = (method: 'POST', url: string, payload: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: user.auth, payload });
    const contacts: string[] = [];
    for (let i = 0; i < 5; i++) contacts.push((await call('POST', '/contacts', { name: `C${i}` })).json().id);
    // The window is July 2025 .. June 2026: its first and last instants, the instants just outside,
    // one day in each of its months, and days spread over three years (a deterministic sequence).
    const edges = ['2025-07-01T00:00:00.000Z', '2025-06-30T23:59:59.999Z', '2026-06-30T23:59:59.999Z', '2026-07-01T00:00:00.000Z', '2026-01-31T23:59:59.000Z'];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % n;
    for (let i = 0; i < 60; i++) {
      const at =
        i < edges.length * 2
          ? edges[i % edges.length]!
          : i < edges.length * 2 + 12
            ? new Date(Date.UTC(2025, 6 + i - edges.length * 2, 15, 12)).toISOString()
            : new Date(now.getTime() - next(3 * 365) * 86_400_000 - next(86_400) * 1000).toISOString();
      const who = contacts.filter((_, c) => c === i % contacts.length || next(3) === 0);
      const res = await call('POST', '/interactions', {
        contactIds: who,
        kind: interactionKinds[i % interactionKinds.length],
        occurredAt: at,
        summary: 'Talked',
        initiatedBy: [...initiators, null][next(initiators.length + 1)],
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const whole = await aggregatesOf(t.database.db, { ownerId: user.userId }, now);
    const each = await aggregatesOf(t.database.db, { ownerId: user.userId, contactIds: contacts }, now);
    expect(whole.size).toBe(contacts.length);
    expect(Object.fromEntries(whole)).toEqual(Object.fromEntries(each));
    // Every month of the window holds something on some contact, and the edges counted where they belong.
    const months = new Set([...whole.values()].flatMap((a) => Object.keys(JSON.parse(a.rel_months))));
    expect([...months].sort()).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);

    // Slices of the account in id order (recomputeOwner reads SQLite that way) give the same.
    const ids = [...contacts].sort();
    const sliced = new Map([
      ...(await aggregatesOf(t.database.db, { ownerId: user.userId, ids: { after: '', through: ids[1]! } }, now)),
      ...(await aggregatesOf(t.database.db, { ownerId: user.userId, ids: { after: ids[1]!, through: ids[4]! } }, now)),
    ]);
    expect(Object.fromEntries(sliced)).toEqual(Object.fromEntries(whole));

    // Recomputing the account stores what the writes had kept current, slice after slice.
    const db = t.database.db;
    const stored = () => db.selectFrom('contact').select(['id', 'last_interaction_at', 'last_meaningful_at', 'first_interaction_at', 'rel_points', 'rel_them', 'rel_me', 'rel_months', 'next_due_on']).where('owner_id', '=', user.userId).orderBy('id').execute();
    const kept = await stored();
    await db.updateTable('contact').set({ last_interaction_at: null, last_meaningful_at: null, first_interaction_at: null, rel_points: 0, rel_them: 0, rel_me: 0, rel_months: '{}', next_due_on: null }).where('owner_id', '=', user.userId).execute();
    const recomputed = await db.transaction().execute((trx) => recomputeOwner(trx, user.userId, user.actor.timezone, now));
    expect(recomputed).toEqual({ contacts: 5, changed: 5 });
    expect(await stored()).toEqual(kept);

    // Links written without their kind are read the careful way and still give the same figures.
    await db.updateTable('interaction_contact').set({ kind: null, initiated_by: null }).where('contact_id', '=', ids[2]!).execute();
    expect(Object.fromEntries(await aggregatesOf(db, { ownerId: user.userId }, now))).toEqual(Object.fromEntries(whole));
  });
});
