import ICAL from 'ical.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';
import { insertMilestone, listMilestoneOccurrences } from '../milestones/milestones.repository';
import { feedBirthdays, feedMilestones, openFollowUps } from './calendar-feed.repository';
import { feedOccurrences } from './calendar-feed.occurrences';
import { feedChunks, renderFeed } from './calendar-feed.ics';

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  isDate: boolean;
  description: string | null;
  categories: string[];
  url: string | null;
}

function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events: ParsedEvent[] = calendar.getAllSubcomponents('vevent').map((v) => {
    const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      summary: String(v.getFirstPropertyValue('summary')),
      start: start.toString(),
      isDate: start.isDate,
      description: (v.getFirstPropertyValue('description') as string | null) ?? null,
      categories: v.getFirstProperty('categories')?.getValues().map(String) ?? [],
      url: (v.getFirstPropertyValue('url') as string | null) ?? null,
    };
  });
  return { calendar, events };
}

describe.each(dialects)('calendar feed on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  // 23:30 UTC on 10 March is already 11 March in Tokyo: the feed's window follows the owner's day.
  const now = new Date('2026-03-10T23:30:00Z');
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());

  const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: user.auth, ...(payload && { payload }) });
  const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url: new URL(url).pathname });

  it('serves follow-ups, snoozes, birthdays and milestones as valid all-day iCalendar events', async () => {
    await call(alice, 'PATCH', '/me', { timezone: 'Asia/Tokyo' });
    expect((await call(alice, 'GET', '/calendar-feed')).json()).toEqual({ active: false, prefix: null, createdAt: null, lastUsedAt: null });
    const ada = (await call(alice, 'POST', '/contacts', { name: 'Ada Lovelace', birthday: '1990-03-20' })).json().id;
    const grace = (await call(alice, 'POST', '/contacts', { name: 'Grace Hopper', birthday: '--04-02' })).json().id;
    const due = (await call(alice, 'POST', '/follow-ups', { contactId: ada, dueOn: '2026-03-12', reason: 'Send notes; ask about Q3, please' })).json();
    const snoozed = (await call(alice, 'POST', '/follow-ups', { contactId: grace, dueOn: '2026-03-01', reason: 'Intro to Linus' })).json();
    await call(alice, 'PATCH', `/follow-ups/${snoozed.id}`, { snoozedUntil: '2026-03-18' });
    const done = (await call(alice, 'POST', '/follow-ups', { contactId: grace, dueOn: '2026-03-02', reason: 'Already done' })).json();
    await call(alice, 'PATCH', `/follow-ups/${done.id}`, { done: true });
    const milestone = (id: string, kind: string, title: string, onDate: string, recurrence: string) =>
      insertMilestone(t.database.db, {
        id,
        owner_id: alice.userId,
        contact_id: grace,
        kind,
        title,
        on_date: onDate,
        month_day: onDate.slice(-5),
        recurrence,
        remind_days_before: 0,
        notes: null,
        dismissed_through: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
    await milestone('0190a4c2-0000-7000-8000-0000000000a1', 'work_anniversary', 'Grace at the Navy', '2020-05-01', 'yearly');
    // 30 days back from 11 March (Tokyo) is 9 February: 8 February is outside, although it is inside in UTC.
    await milestone('0190a4c2-0000-7000-8000-0000000000a2', 'launch', 'Compiler launch', '2026-02-08', 'once');
    await milestone('0190a4c2-0000-7000-8000-0000000000a3', 'publication', 'COBOL paper', '2026-02-09', 'once');
    await t.database.db.updateTable('contact').set({ cadence_snoozed_until: '2026-03-15' }).where('id', '=', ada).execute();

    const created = await call(alice, 'POST', '/calendar-feed');
    expect(created.statusCode).toBe(201);
    const { url, token, prefix } = created.json();
    expect(url).toBe(`http://localhost:7277/api/calendar/${token}.ics`);
    expect(token.startsWith(prefix)).toBe(true);
    // Only the hash is stored.
    const stored = await t.database.db.selectFrom('calendar_feed').selectAll().where('owner_id', '=', alice.userId).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(5));

    const res = await fetchFeed(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(res.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    // Every line ends in CRLF, none is empty, and the calendar's own properties come out once each.
    expect(res.body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(res.body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(res.body).not.toContain('\r\n\r\n');
    expect(res.body).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    const { calendar, events } = parseFeed(res.body);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Tokyo');
    expect(events.every((e) => e.isDate)).toBe(true);
    const byUid = new Map(events.map((e) => [e.uid, e]));

    expect(byUid.get(`follow-up-${due.id}@rapport`)).toMatchObject({
      start: '2026-03-12',
      summary: 'Follow up with Ada Lovelace: Send notes; ask about Q3, please',
      categories: ['Follow-up'],
      url: `http://localhost:7277/contacts/${ada}`,
    });
    expect(byUid.get(`follow-up-${snoozed.id}@rapport`)).toMatchObject({
      start: '2026-03-18',
      summary: 'Follow up with Grace Hopper (snoozed): Intro to Linus',
      description: 'Due 2026-03-01, snoozed until 2026-03-18.',
      categories: ['Follow-up', 'Snoozed'],
    });
    expect(byUid.has(`follow-up-${done.id}@rapport`)).toBe(false);
    expect(byUid.get(`birthday-${ada}-2026-03-20@rapport`)).toMatchObject({ summary: 'Ada Lovelace’s birthday (turns 36)', categories: ['Birthday'] });
    expect(byUid.get(`birthday-${grace}-2026-04-02@rapport`)).toMatchObject({ summary: 'Grace Hopper’s birthday', start: '2026-04-02' });
    expect(byUid.get('0190a4c2-0000-7000-8000-0000000000a1-2026-05-01@rapport')).toMatchObject({ summary: 'Grace at the Navy (6 years)', categories: ['Milestone'] });
    expect(byUid.has('0190a4c2-0000-7000-8000-0000000000a2-2026-02-08@rapport')).toBe(false);
    expect(byUid.has('0190a4c2-0000-7000-8000-0000000000a3-2026-02-09@rapport')).toBe(true);
    expect(byUid.get(`cadence-snooze-${ada}-2026-03-15@rapport`)).toMatchObject({ summary: 'Keep in touch with Ada Lovelace (back from snooze)', categories: ['Snoozed'] });
    // A year ahead: next year's birthday of Ada is not in yet, this year's is.
    expect(byUid.has(`birthday-${ada}-2027-03-20@rapport`)).toBe(false);
    expect(events).toHaveLength(7);

    // Read again unchanged: the same text; after a change the feed shows it (the cached text is keyed by content).
    expect((await fetchFeed(url)).body).toBe(res.body);
    await call(alice, 'PATCH', `/follow-ups/${due.id}`, { reason: 'Send the slides' });
    await call(alice, 'PATCH', `/contacts/${grace}`, { name: 'Grace B. Hopper' });
    const changed = parseFeed((await fetchFeed(url)).body).events;
    expect(changed.find((e) => e.uid === `follow-up-${due.id}@rapport`)?.summary).toBe('Follow up with Ada Lovelace: Send the slides');
    expect(changed.find((e) => e.uid === `birthday-${grace}-2026-04-02@rapport`)?.summary).toBe('Grace B. Hopper’s birthday');
    expect((await call(alice, 'GET', '/calendar-feed')).json()).toMatchObject({ active: true, prefix, lastUsedAt: now.toISOString() });
    // Bob's feed has none of Alice's events.
    const bobs = (await call(bob, 'POST', '/calendar-feed')).json();
    expect(parseFeed((await fetchFeed(bobs.url)).body).events).toEqual([]);
  });

  it('reads the days of milestones and birthdays as listMilestoneOccurrences does, in its order, and follow-ups in reminder order', async () => {
    const carol = await t.signUp();
    // Names that a plain text comparison orders differently from localeCompare (case, accents, punctuation).
    const names = ['émile Zola', 'Emile Zola', 'emile zola', 'Zoë Adams', 'zoe adams', 'Åsa Berg', 'O’Brien', "O'Brien", 'Ob Rien', 'ß Test', '李 Wei', 'Ada', 'ada'];
    const birthdays = ['1990-12-01', '--12-01', '2000-02-29', '--02-29', '1985-12-01', '2026-12-01', '2030-12-01', '1970-03-11', '1980-03-10', '--03-12', '1999-12-01', '1960-02-28', '1991-12-01'];
    const ids: string[] = [];
    for (const [i, name] of names.entries()) ids.push((await t.call(carol, 'POST', '/contacts', { name, birthday: birthdays[i] })).json().id);
    await t.call(carol, 'PATCH', `/contacts/${ids[12]}`, { archived: true });
    const kinds: [string, string, string][] = [['2020-12-01', 'yearly', 'work_anniversary'], ['2026-12-01', 'once', 'launch'], ['--12-01', 'yearly', 'custom'], ['2026-03-01', 'once', 'old'], ['2027-03-11', 'once', 'far']];
    for (const [i, id] of ids.entries()) {
      const [onDate, recurrence, kind] = kinds[i % kinds.length]!;
      await insertMilestone(t.database.db, {
        id: `0190a4c2-0000-7000-8000-${String(900 + i).padStart(12, '0')}`,
        owner_id: carol.userId,
        contact_id: id,
        kind,
        title: `${names[i]} ${kind}`,
        on_date: onDate,
        month_day: onDate.slice(-5),
        recurrence,
        remind_days_before: 0,
        notes: null,
        dismissed_through: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
    }
    for (const [from, to] of [['2026-02-09', '2027-03-11'], ['2025-11-20', '2026-12-20']] as const) {
      const expected = await listMilestoneOccurrences(t.database.db, carol.userId, from, to);
      const actual = feedOccurrences(await feedMilestones(t.database.db, carol.userId), await feedBirthdays(t.database.db, carol.userId), from, to);
      expect(actual.length).toBeGreaterThan(20);
      expect(actual).toEqual(expected.map((o) => ({ id: o.id, contactId: o.contactId, contactName: o.contactName, kind: o.kind, title: o.title, date: o.date, years: o.years })));
    }

    for (const [i, id] of ids.slice(0, 6).entries()) await t.call(carol, 'POST', '/follow-ups', { contactId: id, dueOn: `2026-04-0${6 - i}`, reason: `r${i}` });
    const open = await openFollowUps(t.database.db, carol.userId);
    expect(open.map((f) => f.due_on)).toEqual(['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06']);
    expect(open.map((f) => f.contact_name)).toEqual(names.slice(0, 6).reverse());
  });

  it('rotates and revokes: the old URL answers 404 at once, as does an unknown token', async () => {
    const first = (await call(alice, 'POST', '/calendar-feed')).json();
    expect((await fetchFeed(first.url)).statusCode).toBe(200);
    const second = (await call(alice, 'POST', '/calendar-feed')).json();
    const old = await fetchFeed(first.url);
    expect(old.statusCode).toBe(404);
    expect(old.headers['content-type']).toContain('application/problem+json');
    expect((await fetchFeed(second.url)).statusCode).toBe(200);
    // Without the .ics suffix the URL works too.
    expect((await t.app.inject({ method: 'GET', url: `/api/calendar/${second.token}` })).statusCode).toBe(200);
    expect((await call(alice, 'DELETE', '/calendar-feed')).statusCode).toBe(204);
    expect((await fetchFeed(second.url)).statusCode).toBe(404);
    expect((await call(alice, 'DELETE', '/calendar-feed')).statusCode).toBe(404);
    expect((await call(alice, 'GET', '/calendar-feed')).json()).toMatchObject({ active: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/rcal_not-a-real-token.ics' })).statusCode).toBe(404);
  });
});

describe('the iCalendar writer', () => {
  it('hands out chunks of whole events in UTF-8 that add up to the feed, however long it is', () => {
    const events = Array.from({ length: 3000 }, (_, i) => ({
      uid: `e-${i}@rapport`,
      date: '2026-03-12',
      summary: `${'Zoë Ångström 李 ’ 😀 '.repeat(1 + (i % 7))}#${i}`,
      url: `https://example.com/contacts/${i}`,
      categories: ['Follow-up'],
      stamp: '2026-03-10T08:00:00.123Z',
    }));
    const chunks = [...feedChunks(events, { name: 'Rapport', timezone: 'Asia/Tokyo' })];
    expect(chunks.length).toBeGreaterThan(10);
    const texts = chunks.map((c) => new TextDecoder('utf-8', { fatal: true }).decode(c));
    for (const text of texts.slice(1, -1)) expect(text).toMatch(/^BEGIN:VEVENT\r\n[^]*END:VEVENT\r\n$/);
    const whole = texts.join('');
    expect(whole).toBe(renderFeed(events, { name: 'Rapport', timezone: 'Asia/Tokyo' }));
    expect(parseFeed(whole).events.map((e) => e.summary)).toEqual(events.map((e) => e.summary));
  });

  it('escapes and folds any text so that ical.js reads back the same values, no line over 75 octets', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        // Categories are fixed words in the feed; ical.js misreads a list value ending in an escaped
        // backslash (it takes the separator after it for an escaped comma), so no backslash in them.
        fc.array(fc.string({ minLength: 1, maxLength: 30 }).filter((c) => !c.includes('\\')), { minLength: 1, maxLength: 3 }), (text, categories) => {
        const event = { uid: 'u-1@rapport', date: '2026-03-12', summary: text, description: `${text}\nsecond line`, url: 'https://example.com/contacts/1', categories, stamp: '2026-03-10T08:00:00.123Z' };
        const feed = renderFeed([event], { name: 'Rapport; mine', timezone: 'Asia/Tokyo' });
        for (const line of feed.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        const { calendar, events } = parseFeed(feed);
        expect(events).toEqual([{ uid: 'u-1@rapport', summary: text, start: '2026-03-12', isDate: true, description: `${text}\nsecond line`, categories, url: event.url }]);
        expect(String(calendar.getFirstPropertyValue('dtstamp') ?? (calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp') as ICAL.Time).toString())).toBe('2026-03-10T08:00:00Z');
      }),
      { numRuns: 300 },
    );
  });
});
