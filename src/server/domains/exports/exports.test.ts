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

  const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: user.auth, ...(payload && { payload }) });
  const cards = (text: string) => {
    const parsed = ICAL.parse(text) as unknown[];
    return (Array.isArray(parsed[0]) ? parsed : [parsed]).map((j) => new ICAL.Component(j as never));
  };

  it('downloads every contact as vCard 4.0 and 3.0, archived ones after the others, only the caller’s', async () => {
    const ada = await call(alice, 'POST', '/contacts', {
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
    await call(alice, 'POST', '/contacts', { name: 'Aaron Burr', archived: true });
    await call(bob, 'POST', '/contacts', { name: 'Not Alice’s' });

    const res = await call(alice, 'GET', '/export/contacts.vcf');
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

    const v3 = await call(alice, 'GET', '/export/contacts.vcf?version=3.0');
    expect(cards(v3.body).map((c) => c.getFirstPropertyValue('version'))).toEqual(['3.0', '3.0']);
    expect((await call(alice, 'GET', '/export/contacts.vcf?version=2.1')).statusCode).toBe(400);
  });

  it('downloads contacts as CSV with a header, one row each', async () => {
    const res = await call(alice, 'GET', '/export/contacts.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('.csv');
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Name)).toEqual(['Ada Lovelace', 'Aaron Burr']);
    expect(rows[0]).toMatchObject({ Organization: 'Analytical Engines', Phones: '+442079460958', Tags: 'math; pioneers', GitHub: 'https://github.com/ada' });
    expect(rows[1]).toMatchObject({ Archived: 'yes' });
    const empty = await call(bob, 'GET', '/export/contacts.csv');
    expect(parse(empty.body, { columns: true })).toHaveLength(1);
    const none = await t.signUp();
    expect((await call(none, 'GET', '/export/contacts.csv')).body.split('\r\n')[0]).toMatch(/^Name,/);
  });

  it('pages through more contacts than one read holds, in name order, each once', async () => {
    const carol = await t.signUp();
    const names = Array.from({ length: EXPORT_PAGE + 5 }, (_, i) => `Person ${String(i).padStart(4, '0')}`);
    const now = '2026-03-10T12:00:00.000Z';
    const base = { owner_id: carol.userId, given_name: null, family_name: null, pronouns: null, headline: null, organization_id: null, title: null, location: null, timezone: null, emails: '[]', phones: '[]', social_profiles: '[]', birthday: null, how_we_met: null, circle: null, cadence_days: null, starred: false, archived: false, last_interaction_at: null, next_due_on: null, created_at: now, updated_at: now };
    // Inserted in reverse so that the export's name order is not just the insertion order.
    await t.database.db.insertInto('contact').values([...names].reverse().map((name) => ({ ...base, id: newId(), name, sort_name: name.toLowerCase() }))).execute();
    const res = await call(carol, 'GET', '/export/contacts.vcf');
    expect(cards(res.body).map((c) => c.getFirstPropertyValue('fn'))).toEqual(names);
  });

  it('downloads open follow-ups as an iCalendar that ical.js reads', async () => {
    const contacts = (await call(alice, 'GET', '/contacts')).json().items as { id: string; name: string }[];
    const ada = contacts.find((c) => c.name === 'Ada Lovelace')!;
    await call(alice, 'POST', '/follow-ups', { contactId: ada.id, dueOn: '2026-03-12', reason: 'Send the notes, the diagram; and thanks' });
    const done = (await call(alice, 'POST', '/follow-ups', { contactId: ada.id, dueOn: '2026-03-01', reason: 'Done already' })).json();
    await call(alice, 'PATCH', `/follow-ups/${done.id}`, { done: true });
    const res = await call(alice, 'GET', '/export/calendar.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(res.body) as never);
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const followUps = events.filter((e) => e.summary.startsWith('Follow up'));
    expect(followUps.map((e) => [e.summary, e.description, e.startDate.toString()])).toEqual([
      ['Follow up with Ada Lovelace', 'Send the notes, the diagram; and thanks', '2026-03-12'],
    ]);
    expect(followUps[0]!.startDate.isDate).toBe(true);
    expect(res.body).not.toContain('Done already');
    const theirs = await call(bob, 'GET', '/export/calendar.ics');
    expect(theirs.body).not.toContain('Ada');
  });
});
