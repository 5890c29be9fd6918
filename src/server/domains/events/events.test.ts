import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';

const invitation = (lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');

describe.each(dialects)('events API on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let now = new Date('2026-05-12T09:00:00Z');
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    alice = await t.signUp('alice-events@example.com');
    bob = await t.signUp();
  });
  afterAll(() => t?.close());


  it('adds the people met in one call: new and existing contacts, each with a first follow-up and a suggested message', async () => {
    const event = (await t.call(alice, 'POST', '/events', { name: 'RemoteConf 2026', link: 'https://remoteconf.example/2026', organizer: 'Remote Inc', startsOn: '2026-05-10', endsOn: '2026-05-11', timezone: 'America/New_York', role: 'speaker' })).json();
    expect(event).toMatchObject({ name: 'RemoteConf 2026', role: 'speaker', timezone: 'America/New_York', met: 0, followedUp: 0, waiting: 0 });
    const grace = (await t.call(alice, 'POST', '/contacts', { name: 'Grace Hopper' })).json();

    const added = await t.call(alice, 'POST', `/events/${event.id}/people`, {
      people: [
        { name: 'Ada Lovelace', email: 'ada@example.com', context: 'async standups across 9 time zones' },
        { contactId: grace.id, context: 'compilers' },
        { name: 'Linus' },
      ],
    });
    expect(added.statusCode, added.body).toBe(201);
    const people = added.json().items as any[];
    expect(people.map((p) => [p.contactName, p.created, p.status, p.followUp.dueOn])).toEqual([
      ['Ada Lovelace', true, 'waiting', '2026-05-15'],
      ['Grace Hopper', false, 'waiting', '2026-05-15'],
      ['Linus', true, 'waiting', '2026-05-15'],
    ]);
    expect(people[0].followUp.reason).toBe('Follow up from RemoteConf 2026: async standups across 9 time zones');
    expect(people[0].suggestedMessage).toContain('Hi Ada, great to meet you at RemoteConf 2026!');
    expect(people[0].suggestedMessage).toContain('async standups across 9 time zones');

    // New contacts are real contacts: findable by email, with how we met.
    const ada = (await t.call(alice, 'GET', `/contacts/${people[0].contactId}`)).json();
    expect(ada).toMatchObject({ emails: ['ada@example.com'], howWeMet: 'Met at RemoteConf 2026: async standups across 9 time zones' });
    expect((await t.call(alice, 'GET', '/search?q=lovelace')).body).toContain(people[0].contactId);

    // Progress: met 3, followed up 1 once one follow-up is done.
    await t.call(alice, 'PATCH', `/follow-ups/${people[1].followUp.id}`, { done: true });
    expect((await t.call(alice, 'GET', `/events/${event.id}`)).json()).toMatchObject({ met: 3, followedUp: 1, waiting: 2 });
    const list = (await t.call(alice, 'GET', `/events/${event.id}/people`)).json().items;
    expect(list.map((p: any) => p.status)).toEqual(['waiting', 'followed_up', 'waiting']);

    // A follow-up template of your own (relationship engine) is used instead of the built-in text.
    expect((await t.call(alice, 'POST', '/templates', { purpose: 'follow_up', name: 'Mine', body: 'Hey {{firstName}}! Loved {{lastTopic}} at {{eventName}}.' })).statusCode).toBe(201);
    const withTemplate = (await t.call(alice, 'GET', `/events/${event.id}/people`)).json().items;
    expect(withTemplate[0].suggestedMessage).toBe('Hey Ada! Loved async standups across 9 time zones at RemoteConf 2026.');
    expect(withTemplate[2].suggestedMessage).toBe('Hey Linus! Loved our conversation at RemoteConf 2026.');

    // Adding someone again keeps their follow-up and updates the context.
    const again = (await t.call(alice, 'POST', `/events/${event.id}/people`, { people: [{ contactId: grace.id, context: 'COBOL history' }], followUpInDays: 10 })).json().items;
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ context: 'COBOL history', created: false, followUp: { id: people[1].followUp.id, done: true } });
    expect((await t.call(alice, 'GET', `/events/${event.id}`)).json().met).toBe(3);
  });

  it('puts those still waiting on the due list when their follow-up comes due', async () => {
    now = new Date('2026-05-12T09:00:00Z');
    const event = (await t.call(bob, 'POST', '/events', { name: 'Meetup', startsOn: '2026-05-12' })).json();
    const added = (await t.call(bob, 'POST', `/events/${event.id}/people`, { people: [{ name: 'Today Person' }, { name: 'Later Person' }], followUpInDays: 0 })).json().items;
    const due = (await t.call(bob, 'GET', '/follow-ups?status=due')).json().items.map((f: any) => f.contactName);
    expect(due).toEqual(['Today Person', 'Later Person']);
    await t.call(bob, 'PATCH', `/follow-ups/${added[0].followUp.id}`, { done: true });
    expect((await t.call(bob, 'GET', '/follow-ups?status=due')).json().items.map((f: any) => f.contactName)).toEqual(['Later Person']);
    // A default of 3 days: not due yet today, due three days later.
    const later = (await t.call(bob, 'POST', '/events', { name: 'Summit', startsOn: '2026-05-12' })).json();
    await t.call(bob, 'POST', `/events/${later.id}/people`, { people: [{ name: 'Three Days' }] });
    expect((await t.call(bob, 'GET', '/follow-ups?status=due')).json().items.map((f: any) => f.contactName)).not.toContain('Three Days');
    now = new Date('2026-05-15T09:00:00Z');
    expect((await t.call(bob, 'GET', '/follow-ups?status=due')).json().items.map((f: any) => f.contactName)).toContain('Three Days');
    now = new Date('2026-05-12T09:00:00Z');
  });

  it('lists newest first with paging and a name filter; edits; removing people or the event keeps the contacts', async () => {
    const mk = async (name: string, startsOn: string) => (await t.call(alice, 'POST', '/events', { name, startsOn })).json();
    const a = await mk('Alpha Summit', '2026-01-10');
    const b = await mk('Beta Days', '2026-02-10');
    const c = await mk('Gamma Con', '2026-03-10');
    const first = (await t.call(alice, 'GET', '/events?limit=2')).json();
    const second = (await t.call(alice, 'GET', `/events?limit=2&cursor=${first.nextCursor}`)).json();
    const names = [...first.items, ...second.items].map((e: any) => e.name);
    expect(names.indexOf('Gamma Con')).toBeLessThan(names.indexOf('Beta Days'));
    expect((await t.call(alice, 'GET', '/events?q=beta')).json().items.map((e: any) => e.id)).toEqual([b.id]);

    const patched = await t.call(alice, 'PATCH', `/events/${a.id}`, { startsOn: '2026-01-20', notes: 'Booth 12' });
    expect(patched.json()).toMatchObject({ startsOn: '2026-01-20', endsOn: '2026-01-20', notes: 'Booth 12' });

    const person = (await t.call(alice, 'POST', `/events/${c.id}/people`, { people: [{ name: 'Kept Contact' }] })).json().items[0];
    expect((await t.call(alice, 'DELETE', `/events/${c.id}/people`, { contactIds: [person.contactId] })).statusCode).toBe(204);
    expect((await t.call(alice, 'GET', `/events/${c.id}`)).json().met).toBe(0);
    expect((await t.call(alice, 'DELETE', `/events/${c.id}`)).statusCode).toBe(204);
    expect((await t.call(alice, 'GET', `/events/${c.id}`)).statusCode).toBe(404);
    expect((await t.call(alice, 'GET', `/contacts/${person.contactId}`)).statusCode).toBe(200);
    expect((await t.call(alice, 'GET', `/follow-ups/${person.followUp.id}`)).statusCode).toBe(200);
  });

  it('refuses bad input with the field named, and other people’s events and contacts', async () => {
    const bad = await t.call(alice, 'POST', '/events', { name: '', startsOn: '2026-02-30', link: 'not a url', role: 'host' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors.map((e: any) => e.path).sort()).toEqual(['link', 'name', 'role', 'startsOn']);
    const backwards = await t.call(alice, 'POST', '/events', { name: 'Backwards', startsOn: '2026-03-02', endsOn: '2026-03-01' });
    expect(backwards.json().errors).toEqual([{ path: 'endsOn', message: 'must not be before startsOn' }]);
    expect((await t.call(alice, 'POST', '/events', { name: 'Zone', startsOn: '2026-03-02', timezone: 'Mars/Olympus' })).json().errors[0].path).toBe('timezone');

    const event = (await t.call(alice, 'POST', '/events', { name: 'Mine', startsOn: '2026-03-02' })).json();
    const neither = await t.call(alice, 'POST', `/events/${event.id}/people`, { people: [{ context: 'who?' }] });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors[0].path).toBe('people.0.name');
    expect((await t.call(alice, 'POST', `/events/${event.id}/people`, { people: [{ name: 'X' }], followUpInDays: -1 })).statusCode).toBe(400);

    const theirs = (await t.call(bob, 'POST', '/contacts', { name: 'Bob’s friend' })).json();
    const foreign = await t.call(alice, 'POST', `/events/${event.id}/people`, { people: [{ name: 'Rolled back' }, { contactId: theirs.id }] });
    expect(foreign.statusCode).toBe(404);
    // All or nothing: the new contact of the refused call was not kept.
    expect((await t.call(alice, 'GET', '/contacts?q=rolled')).json().items).toEqual([]);
    expect((await t.call(bob, 'GET', `/events/${event.id}/people`)).statusCode).toBe(404);
  });

  it('creates an event from an .ics invitation: name, link, organizer, dates in its time zone, role', async () => {
    const ics = invitation([
      'BEGIN:VEVENT',
      'UID:abc@conf.example',
      'DTSTAMP:20260401T120000Z',
      'DTSTART;TZID=Europe/Berlin:20260610T233000',
      'DTEND;TZID=Europe/Berlin:20260611T010000',
      'SUMMARY:Distributed Teams Summit',
      'ORGANIZER;CN=Conf Team:mailto:team@conf.example',
      'LOCATION:https://meet.example/abc-defg',
      'DESCRIPTION:Two days of talks.\\nJoin at https://meet.example/abc-defg',
      'END:VEVENT',
    ]);
    const res = await t.call(alice, 'POST', '/events/import-ics', { ics });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Distributed Teams Summit',
      link: 'https://meet.example/abc-defg',
      organizer: 'Conf Team',
      startsOn: '2026-06-10',
      endsOn: '2026-06-11',
      timezone: 'Europe/Berlin',
      role: 'attendee',
      notes: 'Two days of talks.\nJoin at https://meet.example/abc-defg',
    });
    // All-day events end the day before DTEND; you as ORGANIZER make you the organizer.
    const allDay = invitation(['BEGIN:VEVENT', 'UID:x@y', 'DTSTAMP:20260401T120000Z', 'DTSTART;VALUE=DATE:20260701', 'DTEND;VALUE=DATE:20260703', 'SUMMARY:Offsite', 'ORGANIZER:mailto:Alice-Events@example.com', 'END:VEVENT']);
    expect((await t.call(alice, 'POST', '/events/import-ics', { ics: allDay })).json()).toMatchObject({ startsOn: '2026-07-01', endsOn: '2026-07-02', role: 'organizer', timezone: 'UTC' });
    const broken = await t.call(alice, 'POST', '/events/import-ics', { ics: 'hello' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0].path).toBe('ics');
    const noEvent = await t.call(alice, 'POST', '/events/import-ics', { ics: invitation([]) });
    expect(noEvent.json().detail).toMatch(/no event/);
    // Values ical.js reads only when used: one clear 400 naming the field, not a server error.
    for (const bad of ['DTSTART:2026abc', 'DTSTART;TZID=Europe/Berlin:"20260610T233000']) {
      const unreadable = await t.call(alice, 'POST', '/events/import-ics', { ics: invitation(['BEGIN:VEVENT', 'UID:u@x', bad, 'SUMMARY:Broken', 'END:VEVENT']) });
      expect(unreadable.statusCode, bad).toBe(400);
      expect(unreadable.json()).toMatchObject({ errors: [{ path: 'ics' }] });
      expect(unreadable.json().detail).toMatch(/^ics: the event cannot be read/);
    }
    const movedBroken = invitation([
      'BEGIN:VEVENT', 'UID:s@x', 'DTSTART:20260610T090000Z', 'RRULE:FREQ=WEEKLY;COUNT=3', 'SUMMARY:Series', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:s@x', 'RECURRENCE-ID:"20260617T090000Z', 'DTSTART:20260617T100000Z', 'SUMMARY:Series (moved)', 'END:VEVENT',
    ]);
    expect((await t.call(alice, 'POST', '/events/import-ics', { ics: movedBroken })).json()).toMatchObject({ name: 'Series', startsOn: '2026-06-10' });
  });
});
