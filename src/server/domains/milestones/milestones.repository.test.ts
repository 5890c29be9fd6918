import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import { newId } from '../../platform/ids';
import { listMilestoneOccurrences, occurrencesBetween } from './milestones.repository';

describe('occurrencesBetween', () => {
  it('finds yearly dates across New Year, counts years, and celebrates 29 February on the 28th in other years', () => {
    expect(occurrencesBetween('1990-01-02', 'yearly', '2026-12-28', '2027-01-04')).toEqual([{ date: '2027-01-02', years: 37 }]);
    expect(occurrencesBetween('--12-30', 'yearly', '2026-12-28', '2027-01-04')).toEqual([{ date: '2026-12-30', years: null }]);
    expect(occurrencesBetween('2000-02-29', 'yearly', '2027-02-25', '2027-03-01')).toEqual([{ date: '2027-02-28', years: 27 }]);
    expect(occurrencesBetween('2000-02-29', 'yearly', '2028-02-25', '2028-03-01')).toEqual([{ date: '2028-02-29', years: 28 }]);
    expect(occurrencesBetween('2030-05-01', 'yearly', '2026-04-28', '2026-05-04')).toEqual([]);
    expect(occurrencesBetween('2026-05-01', 'once', '2026-04-28', '2026-05-04')).toEqual([{ date: '2026-05-01', years: 0 }]);
    expect(occurrencesBetween('2025-05-01', 'once', '2026-04-28', '2026-05-04')).toEqual([]);
  });
});

describe.each(dialects)('listMilestoneOccurrences on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());

  const contact = async (user: TestUser, body: object) =>
    (await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: user.auth, payload: body })).json() as { id: string };

  it("lists an owner's milestones and birthdays in a window, soonest first, without anyone else's", async () => {
    const ada = await contact(alice, { name: 'Ada', birthday: '1815-12-10' });
    const grace = await contact(alice, { name: 'Grace', birthday: '--01-03' });
    await contact(alice, { name: 'Archived', birthday: '--12-31', archived: true });
    await contact(bob, { name: 'Bob’s friend', birthday: '--12-30' });
    const now = '2026-01-01T00:00:00.000Z';
    const base = { owner_id: alice.userId, contact_id: ada.id, notes: null, dismissed_through: null, created_at: now, updated_at: now, remind_days_before: 2 };
    await t.database.db
      .insertInto('milestone')
      .values([
        { ...base, id: newId(), kind: 'work_anniversary', title: 'Joined Engines', on_date: '2020-01-01', month_day: '01-01', recurrence: 'yearly' },
        { ...base, id: newId(), kind: 'launch', title: 'Launch', on_date: '2026-12-29', month_day: '12-29', recurrence: 'once' },
        { ...base, id: newId(), kind: 'custom', title: 'Far away', on_date: '2026-06-01', month_day: '06-01', recurrence: 'once' },
      ])
      .execute();
    const found = await listMilestoneOccurrences(t.database.db, alice.userId, '2026-12-28', '2027-01-04');
    expect(found.map((o) => [o.date, o.kind, o.contactName, o.years])).toEqual([
      ['2026-12-29', 'launch', 'Ada', 0],
      ['2027-01-01', 'work_anniversary', 'Ada', 7],
      ['2027-01-03', 'birthday', 'Grace', null],
    ]);
    expect(found[2]).toMatchObject({ id: `birthday:${grace.id}`, milestoneId: null, onDate: '--01-03' });
    const december = await listMilestoneOccurrences(t.database.db, alice.userId, '2026-12-01', '2026-12-15');
    expect(december.map((o) => [o.date, o.kind, o.years])).toEqual([['2026-12-10', 'birthday', 211]]);
  });
});
