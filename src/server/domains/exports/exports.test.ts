import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import { fixedClock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { EXPORT_PAGE } from './exports.service';

describe.each(dialects)('export API on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: fixedClock('2026-03-10T12:00:00Z') });
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());

  const cards = (text: string) => {
    const parsed = ICAL.parse(text) as unknown[];
    return (Array.isArray(parsed[0]) ? parsed : [parsed]).map((j) => new ICAL.Component(j as never));
  };

  it('downloads every contact as vCard 4.0 and 3.0, archived ones after the others, only the caller’s', async () => {
    const ada = await t.call(alice, 'POST', '/contacts', {
      name: 'Ada Lovelace',
      givenName: 'Ada',
      familyName: 'Lovelace',
      emails: ['ada@example.com'],
      phones: ['+44 20 7946 0958'],
      organization: 'Analytical Engines',
      title: 'Programmer',
      birthday: '--12-10',
      socialProfiles: [{ type: 'github', handle: 'ada' }],
      howWeMet: 'Salon, 1833; talked engines',
      tags: ['math', 'pioneers'],
      pronouns: 'she/her',
      timezone: 'Europe/London',
      location: 'London',
    });
    expect(ada.statusCode).toBe(201);
    await t.call(alice, 'POST', '/contacts', { name: 'Aaron Burr', archived: true });
    await t.call(bob, 'POST', '/contacts', { name: 'Not Alice’s' });

    const res = await t.call(alice, 'GET', '/export/contacts.vcf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="rapport-contacts-2026-03-10.vcf"');
    const [first, second] = cards(res.body);
    expect(cards(res.body)).toHaveLength(2);
    expect(first!.getFirstPropertyValue('fn')).toBe('Ada Lovelace');
    expect(first!.getFirstPropertyValue('tel')).toBe('tel:+442079460958');
    expect(first!.getFirstPropertyValue('org')).toBe('Analytical Engines');
    expect(first!.getFirstPropertyValue('note')).toBe('Salon, 1833; talked engines');
    expect(first!.getFirstProperty('categories')!.getValues()).toEqual(['math', 'pioneers']);
    expect(first!.getFirstProperty('x-socialprofile')!.getFirstValue()).toBe('https://github.com/ada');
    expect(second!.getFirstPropertyValue('fn')).toBe('Aaron Burr');
    expect(res.body).not.toContain('Not Alice');

    const v3 = await t.call(alice, 'GET', '/export/contacts.vcf?version=3.0');
    expect(cards(v3.body).map((c) => c.getFirstPropertyValue('version'))).toEqual(['3.0', '3.0']);
    expect((await t.call(alice, 'GET', '/export/contacts.vcf?version=2.1')).statusCode).toBe(400);
  });

  it('downloads contacts as CSV with a header, one row each', async () => {
    const res = await t.call(alice, 'GET', '/export/contacts.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('.csv');
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Name)).toEqual(['Ada Lovelace', 'Aaron Burr']);
    expect(rows[0]).toMatchObject({ Organization: 'Analytical Engines', Phone: '+442079460958', Tags: 'math; pioneers', GitHub: 'https://github.com/ada' });
    expect(rows[1]).toMatchObject({ Archived: 'yes' });
    const empty = await t.call(bob, 'GET', '/export/contacts.csv');
    expect(parse(empty.body, { columns: true })).toHaveLength(1);
    const none = await t.signUp();
    expect((await t.call(none, 'GET', '/export/contacts.csv')).body.split('\r\n')[0]).toMatch(/^Name,/);
  });

  it('pages through more contacts than one read holds, in name order, each once', async () => {
    const carol = await t.signUp();
    const names = Array.from({ length: EXPORT_PAGE + 5 }, (_, i) => `Person ${String(i).padStart(4, '0')}`);
    const now = '2026-03-10T12:00:00.000Z';
    const base = { owner_id: carol.userId, given_name: null, family_name: null, pronouns: null, headline: null, organization_id: null, title: null, location: null, timezone: null, emails: '[]', phones: '[]', social_profiles: '[]', birthday: null, how_we_met: null, circle: null, cadence_days: null, starred: false, archived: false, last_interaction_at: null, next_due_on: null, created_at: now, updated_at: now };
    // Inserted in reverse so that the export's name order is not just the insertion order.
    await t.database.db.insertInto('contact').values([...names].reverse().map((name) => ({ ...base, id: newId(), name, sort_name: name.toLowerCase() }))).execute();
    const res = await t.call(carol, 'GET', '/export/contacts.vcf');
    expect(cards(res.body).map((c) => c.getFirstPropertyValue('fn'))).toEqual(names);
  });

  it('downloads open follow-ups, milestones and birthdays as an iCalendar that ical.js reads', async () => {
    const contacts = (await t.call(alice, 'GET', '/contacts')).json().items as { id: string; name: string }[];
    const ada = contacts.find((c) => c.name === 'Ada Lovelace')!;
    await t.call(alice, 'POST', '/follow-ups', { contactId: ada.id, dueOn: '2026-03-12', reason: 'Send the notes, the diagram; and thanks' });
    const done = (await t.call(alice, 'POST', '/follow-ups', { contactId: ada.id, dueOn: '2026-03-01', reason: 'Done already' })).json();
    await t.call(alice, 'PATCH', `/follow-ups/${done.id}`, { done: true });
    const archived = (await t.call(alice, 'GET', '/contacts?archived=true')).json().items[0] as { id: string };
    const now = '2026-03-10T12:00:00.000Z';
    const milestone = (contactId: string, title: string, onDate: string, recurrence: string, remind = 0) => ({
      id: newId(), owner_id: alice.userId, contact_id: contactId, kind: 'work_anniversary', title, on_date: onDate, month_day: onDate.slice(-5),
      recurrence, remind_days_before: remind, notes: null, dismissed_through: null, created_at: now, updated_at: now,
    });
    await t.database.db.insertInto('milestone').values([
      milestone(ada.id, 'Joined Analytical Engines', '2019-04-01', 'yearly', 3),
      milestone(ada.id, 'Leap day party', '--02-29', 'yearly'),
      milestone(ada.id, 'Book launch', '2026-09-15', 'once'),
      milestone(archived.id, 'Archived anniversary', '2020-05-05', 'yearly'),
    ]).execute();

    const res = await t.call(alice, 'GET', '/export/calendar.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(res.body) as never);
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const byName = (prefix: string) => events.filter((e) => e.summary.startsWith(prefix));
    const followUps = byName('Follow up');
    expect(followUps.map((e) => [e.summary, e.description, e.startDate.toString()])).toEqual([
      ['Follow up with Ada Lovelace', 'Send the notes, the diagram; and thanks', '2026-03-12'],
    ]);
    expect(followUps[0]!.startDate.isDate).toBe(true);
    expect(res.body).not.toContain('Done already');
    expect(res.body).not.toContain('Archived anniversary');

    const next = (e: ICAL.Event, after: string) => {
      const it = e.iterator();
      for (let d = it.next(); d; d = it.next()) if (d.toString() > after) return d.toString();
      return null;
    };
    const [joined] = byName('Joined Analytical Engines');
    expect([joined!.summary, joined!.isRecurring(), next(joined!, '2026-03-10')]).toEqual(['Joined Analytical Engines: Ada Lovelace', true, '2026-04-01']);
    expect(joined!.component.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger')!.toString()).toBe('-P3D');
    const [leap] = byName('Leap day party');
    expect([next(leap!, '2026-03-10'), next(leap!, '2027-03-01'), next(leap!, '2027-12-31')]).toEqual(['2027-02-28', '2028-02-29', '2028-02-29']);
    const [launch] = byName('Book launch');
    expect([launch!.isRecurring(), launch!.startDate.toString()]).toEqual([false, '2026-09-15']);
    const [birthday] = byName('Birthday: Ada Lovelace');
    expect(next(birthday!, '2026-03-10')).toBe('2026-12-10');
    const theirs = await t.call(bob, 'GET', '/export/calendar.ics');
    expect(theirs.body).not.toContain('Ada');
  });
});
