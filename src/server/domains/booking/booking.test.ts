import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';
import { openSlots, type SlotRules } from './booking.slots';

const rules = (over: Partial<SlotRules> = {}): SlotRules => ({
  timezone: 'Europe/Berlin',
  availability: [{ weekday: 2, start: '09:00', end: '11:00' }],
  slotMinutes: 30,
  bufferMinutes: 15,
  minNoticeMinutes: 0,
  horizonDays: 7,
  ...over,
});

describe('open slots', () => {
  // Monday 2026-05-11, 08:00 UTC (10:00 in Berlin).
  const monday = new Date('2026-05-11T08:00:00Z');

  it('cuts each weekly window into slots a buffer apart, in the host’s time zone', () => {
    expect(openSlots(rules(), monday).map((s) => s.start)).toEqual(['2026-05-12T07:00:00.000Z', '2026-05-12T07:45:00.000Z', '2026-05-12T08:30:00.000Z']);
    expect(openSlots(rules(), monday)[0]!.end).toBe('2026-05-12T07:30:00.000Z');
  });

  it('respects the minimum notice and the horizon', () => {
    expect(openSlots(rules({ minNoticeMinutes: 24 * 60 }), monday).map((s) => s.start)).toEqual(['2026-05-12T08:30:00.000Z']);
    expect(openSlots(rules({ horizonDays: 0 }), monday)).toEqual([]);
    expect(openSlots(rules({ horizonDays: 8 }), monday)).toHaveLength(6);
  });

  it('leaves out times within the buffer of something already scheduled', () => {
    const busy = [{ start: Date.parse('2026-05-12T07:40:00Z'), end: Date.parse('2026-05-12T08:10:00Z') }];
    // 07:00-07:30 ends 10 min before (inside the 15 min buffer); 08:30 starts 20 min after.
    expect(openSlots(rules(), monday, busy).map((s) => s.start)).toEqual(['2026-05-12T08:30:00.000Z']);
  });

  it('keeps local times across a DST change', () => {
    // Berlin moves to summer time on Sunday 2026-03-29: Tuesday 09:00 is 08:00 UTC before, 07:00 after.
    const slots = openSlots(rules({ availability: [{ weekday: 2, start: '09:00', end: '09:30' }], horizonDays: 14 }), new Date('2026-03-20T12:00:00Z'));
    expect(slots.map((s) => s.start)).toEqual(['2026-03-24T08:00:00.000Z', '2026-03-31T07:00:00.000Z']);
  });
});

describe.each(dialects)('booking page on %s', (dialect) => {
  let t: TestApp;
  let priya: TestUser;
  let flooded: TestUser;
  const now = new Date('2026-05-11T08:00:00Z'); // Monday
  const clock: Clock = { now: () => now };
  const tuesday = { weekday: 2, start: '09:00', end: '12:00' };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    priya = await t.signUp('priya.raman@example.com');
    flooded = await t.signUp();
    await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: priya.auth, payload: { name: 'Priya Raman', timezone: 'Europe/Berlin' } });
  });
  afterAll(() => t?.close());

  const visit = (slug: string) => t.app.inject({ method: 'GET', url: `/api/public/book/${slug}` });
  const book = (slug: string, payload: object, ip = '10.0.0.1') => t.app.inject({ method: 'POST', url: `/api/public/book/${slug}`, payload, remoteAddress: ip });
  const visitor = { name: 'Sam Lee', email: 'sam@example.com', topic: 'Breaking into DevRel', timezone: 'America/New_York' };

  it('is off by default; once enabled it shows open times and nothing else of its owner', async () => {
    const defaults = (await t.call(priya, 'GET', '/booking-page')).json();
    expect(defaults).toMatchObject({ enabled: false, saved: false, slug: 'priya-raman', timezone: 'Europe/Berlin', slotMinutes: 30 });
    expect((await visit('priya-raman')).statusCode).toBe(404);
    expect((await book('priya-raman', { ...visitor, start: '2026-05-12T07:00:00Z' })).statusCode).toBe(404);

    await t.call(priya, 'POST', '/contacts', { name: 'Secret Contact', emails: ['secret@example.com'] });
    const saved = await t.call(priya, 'PATCH', '/booking-page', { enabled: true, availability: [tuesday], slotMinutes: 30, bufferMinutes: 15, minNoticeMinutes: 60, horizonDays: 7, title: 'Coffee with Priya' });
    expect(saved.json()).toMatchObject({ enabled: true, saved: true, path: '/book/priya-raman', availability: [tuesday] });

    const page = await visit('priya-raman');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ host: 'Priya', title: 'Coffee with Priya', timezone: 'Europe/Berlin', slotMinutes: 30 });
    expect(page.json().slots.map((s: any) => s.start)).toEqual(['2026-05-12T07:00:00.000Z', '2026-05-12T07:45:00.000Z', '2026-05-12T08:30:00.000Z', '2026-05-12T09:15:00.000Z']);
    for (const secret of ['priya.raman@example.com', 'Raman', 'Secret Contact', priya.userId]) expect(page.body).not.toContain(secret);
    // Same answer for the slug in capitals; a disabled page is indistinguishable from a missing one.
    expect((await visit('PRIYA-RAMAN')).statusCode).toBe(200);
    expect((await visit('nobody-here')).json()).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('books a slot: the chat is scheduled in the pipeline, the contact matched by email, both get the invitation', async () => {
    const res = await book('priya-raman', { ...visitor, start: '2026-05-12T09:00:00+02:00' });
    expect(res.statusCode, res.body).toBe(201);
    const confirmation = res.json();
    expect(confirmation).toMatchObject({ start: '2026-05-12T07:00:00.000Z', end: '2026-05-12T07:30:00.000Z', host: 'Priya', hostTimezone: 'Europe/Berlin', topic: 'Breaking into DevRel' });
    const vevent = new ICAL.Component(ICAL.parse(confirmation.ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe('Coffee chat with Priya: Breaking into DevRel');
    expect(vevent.getFirstPropertyValue('attendee')).toBe('mailto:sam@example.com');
    expect(confirmation.ics).not.toContain('priya.raman@example.com');

    const chats = (await t.call(priya, 'GET', '/chats?status=scheduled')).json().items;
    expect(chats).toHaveLength(1);
    expect(chats[0]).toMatchObject({ contactName: 'Sam Lee', source: 'booking', status: 'scheduled', scheduledAt: '2026-05-12T07:00:00.000Z', durationMinutes: 30, topic: 'Breaking into DevRel' });
    const contact = (await t.call(priya, 'GET', `/contacts/${chats[0].contactId}`)).json();
    expect(contact).toMatchObject({ emails: ['sam@example.com'], howWeMet: 'Booked a chat through your booking page' });
    const ownIcs = await t.call(priya, 'GET', `/chats/${chats[0].id}/invitation.ics`);
    expect(ownIcs.body).toContain('DTSTART:20260512T070000Z');

    // The slot is gone, and so is the next one (within the buffer? no: 07:45 starts 15 min after 07:30).
    const open = (await visit('priya-raman')).json().slots.map((s: any) => s.start);
    expect(open).toEqual(['2026-05-12T07:45:00.000Z', '2026-05-12T08:30:00.000Z', '2026-05-12T09:15:00.000Z']);
    const again = await book('priya-raman', { ...visitor, start: '2026-05-12T07:00:00Z' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ path: 'start', message: 'is no longer free' }]);

    // The same visitor again (another case of email) is the same contact.
    expect((await book('priya-raman', { ...visitor, email: 'SAM@example.com', start: '2026-05-12T07:45:00Z' })).statusCode).toBe(201);
    const all = (await t.call(priya, 'GET', '/chats')).json().items;
    expect(new Set(all.map((c: any) => c.contactId)).size).toBe(1);
  });

  it('lets exactly one of several visitors racing for the same slot have it', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => book('priya-raman', { name: `Racer ${i}`, email: `racer${i}@example.com`, topic: 'Race', start: '2026-05-12T08:30:00Z' }, `10.0.1.${i}`)),
    );
    const codes = attempts.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
    const booked = (await t.call(priya, 'GET', '/chats?status=scheduled')).json().items.filter((c: any) => c.scheduledAt === '2026-05-12T08:30:00.000Z');
    expect(booked).toHaveLength(1);
  });

  it('refuses invalid times and input with clear errors; names are kept literally, never as markup', async () => {
    const cases: [object, string, RegExp][] = [
      [{ ...visitor, start: '2026-05-12T07:10:00Z' }, 'start', /not one of the open times/],
      [{ ...visitor, start: '2026-05-04T07:00:00Z' }, 'start', /too soon or in the past/],
      [{ ...visitor, start: '2026-05-13T07:00:00Z' }, 'start', /not one of the open times/], // a Wednesday
      [{ ...visitor, start: 'tomorrow at nine' }, 'start', /ISO-8601/],
      [{ ...visitor, start: '2026-05-12T09:15:00Z', email: 'not-an-email' }, 'email', /email/],
      [{ ...visitor, start: '2026-05-12T09:15:00Z', name: '<script>alert(1)</script>' }, 'name', /plain text/],
      [{ ...visitor, start: '2026-05-12T09:15:00Z', name: 'Sam\r\nATTENDEE:mailto:evil@example.com' }, 'name', /one line/],
      [{ ...visitor, start: '2026-05-12T09:15:00Z', topic: 'x'.repeat(201) }, 'topic', /at most 200/],
      [{ ...visitor, start: '2026-05-12T09:15:00Z', timezone: 'Mars/Olympus' }, 'timezone', /time zone/],
    ];
    for (const [payload, path, message] of cases) {
      const res = await book('priya-raman', payload, '10.0.2.1');
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].path).toBe(path);
      expect(res.json().errors[0].message).toMatch(message);
    }
    expect((await book('priya-raman', { ...visitor, start: '2026-05-12T09:15:00Z', extra: 1 }, '10.0.2.2')).json().errors[0]).toEqual({ path: 'extra', message: 'is not a known field' });

    const sneaky = `Robert'); DROP TABLE chat;-- "O'Brien", Esq; ROLE=CHAIR`;
    const res = await book('priya-raman', { ...visitor, name: sneaky, email: 'bobby@example.com', topic: 'a, b; c: d', start: '2026-05-12T09:15:00Z' }, '10.0.2.3');
    expect(res.statusCode, res.body).toBe(201);
    const vevent = new ICAL.Component(ICAL.parse(res.json().ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getAllProperties('attendee')).toHaveLength(1);
    expect(vevent.getFirstProperty('attendee')!.getParameter('cn')).toBe(sneaky);
    expect(vevent.getFirstPropertyValue('summary')).toBe('Coffee chat with Priya: a, b; c: d');
    const chats = (await t.call(priya, 'GET', '/chats')).json().items;
    expect(chats.find((c: any) => c.contactName === sneaky)).toBeTruthy();
  });

  it('answers 429 to a client that floods a page, and keeps slugs unique', async () => {
    await t.call(flooded, 'PATCH', '/booking-page', { enabled: true, slug: 'flood-me', availability: [tuesday], minNoticeMinutes: 0 });
    const taken = await t.call(flooded, 'PATCH', '/booking-page', { slug: 'priya-raman' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual([{ path: 'slug', message: 'is taken' }]);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await book('flood-me', { ...visitor, start: '2026-05-12T07:10:00Z' }, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await book('flood-me', visitor, '10.9.9.9');
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    // Another client is not affected.
    expect((await book('flood-me', { ...visitor, start: '2026-05-12T07:10:00Z' }, '10.9.9.10')).statusCode).toBe(400);
    // Switching the page off hides it again.
    await t.call(flooded, 'PATCH', '/booking-page', { enabled: false });
    expect((await visit('flood-me')).statusCode).toBe(404);
  });
});
