import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';
import { asTopic } from '../templates/templates.service';

describe('asTopic', () => {
  it('reads a summary mid-sentence without breaking names and acronyms', () => {
    expect(['Quick check-in', 'COBOL standards', 'RemoteConf talk', 'Talked', 'x'].map(asTopic)).toEqual(['quick check-in', 'COBOL standards', 'RemoteConf talk', 'talked', 'x']);
  });
});

describe.each(dialects)('milestones and templates API on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  const clock: Clock = { now: () => new Date('2026-12-28T23:30:00Z') };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());

  const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: user.auth, ...(payload && { payload }) });

  it('creates, lists with the next occurrence, changes and deletes milestones; birthdays come from the contact', async () => {
    const ada = (await call(alice, 'POST', '/contacts', { name: 'Ada Lovelace', birthday: '--01-02' })).json();
    const created = await call(alice, 'POST', '/milestones', { contactId: ada.id, kind: 'work_anniversary', onDate: '2020-01-01', title: 'Joined Engines' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'work_anniversary', recurrence: 'yearly', remindDaysBefore: 3, nextOn: '2027-01-01', contactName: 'Ada Lovelace' });
    const launch = (await call(alice, 'POST', '/milestones', { contactId: ada.id, kind: 'launch', onDate: '2027-02-01' })).json();
    expect(launch).toMatchObject({ title: 'Launch', recurrence: 'once', nextOn: '2027-02-01' });
    const past = (await call(alice, 'POST', '/milestones', { contactId: ada.id, kind: 'publication', onDate: '2026-01-01' })).json();
    expect(past.nextOn).toBeNull();

    const list = (await call(alice, 'GET', `/milestones?contactId=${ada.id}`)).json();
    expect(list.items.map((m: { kind: string }) => m.kind)).toEqual(['work_anniversary', 'publication', 'launch']);
    const upcoming = (await call(alice, 'GET', '/milestones/upcoming?days=7')).json();
    expect(upcoming.items.map((o: { date: string; kind: string; years: number | null }) => [o.date, o.kind, o.years])).toEqual([
      ['2027-01-01', 'work_anniversary', 7],
      ['2027-01-02', 'birthday', null],
    ]);

    const moved = await call(alice, 'PATCH', `/milestones/${launch.id}`, { onDate: '2027-03-01', title: 'Big launch' });
    expect(moved.json()).toMatchObject({ title: 'Big launch', nextOn: '2027-03-01' });
    expect((await call(alice, 'DELETE', `/milestones/${launch.id}`)).statusCode).toBe(204);
    expect((await call(alice, 'GET', `/milestones/${launch.id}`)).statusCode).toBe(404);
  });

  it('refuses a one-off without a year, unknown kinds, and other people’s contacts', async () => {
    const c = (await call(alice, 'POST', '/contacts', { name: 'Checked' })).json();
    const noYear = await call(alice, 'POST', '/milestones', { contactId: c.id, kind: 'launch', onDate: '--05-01' });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().errors[0].path).toBe('onDate');
    const bad = await call(alice, 'POST', '/milestones', { contactId: c.id, kind: 'wedding', onDate: '2026-02-30' });
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['kind', 'onDate']);
    const theirs = (await call(bob, 'POST', '/contacts', { name: 'Not yours' })).json();
    expect((await call(alice, 'POST', '/milestones', { contactId: theirs.id, kind: 'launch', onDate: '2027-01-01' })).statusCode).toBe(404);
  });

  it('ships default templates, renders the variables for a contact, and prefers your own', async () => {
    const grace = (await call(alice, 'POST', '/contacts', { name: 'Grace Hopper', givenName: 'Grace' })).json();
    await call(alice, 'POST', '/interactions', { contactIds: [grace.id], kind: 'call', occurredAt: '2026-12-18T10:00:00Z', summary: 'COBOL standards' });
    const list = (await call(alice, 'GET', '/templates')).json();
    expect(list.items.filter((x: { builtIn: boolean }) => x.builtIn).map((x: { purpose: string }) => x.purpose)).toEqual(['follow_up', 'thank_you', 'congratulations', 'reconnect']);

    const shipped = (await call(alice, 'POST', '/templates/preview', { contactId: grace.id, purpose: 'reconnect' })).json();
    expect(shipped).toMatchObject({ templateId: 'builtin:reconnect', variables: { firstName: 'Grace', lastTopic: 'COBOL standards', daysSince: '10' } });
    expect(shipped.text).toContain('Hi Grace, it has been 10 days since we last talked about COBOL standards.');

    const mine = (await call(alice, 'POST', '/templates', { purpose: 'congratulations', name: 'Short', body: 'Bravo {{ firstName }} on {{eventName}}! {{unknown}}' })).json();
    expect(mine).toMatchObject({ builtIn: false, name: 'Short' });
    const rendered = (await call(alice, 'POST', '/templates/preview', { contactId: grace.id, purpose: 'congratulations', eventName: 'the award' })).json();
    expect(rendered).toMatchObject({ templateId: mine.id, text: 'Bravo Grace on the award! {{unknown}}' });
    expect((await call(alice, 'PATCH', `/templates/${mine.id}`, { body: 'Well done {{firstName}}' })).json().body).toBe('Well done {{firstName}}');
    expect((await call(alice, 'POST', '/templates/preview', { contactId: grace.id, templateId: 'builtin:thank_you' })).json().text).toContain('thank you for your time and for COBOL standards');
    expect((await call(alice, 'POST', '/templates/preview', { contactId: grace.id })).statusCode).toBe(400);
    expect((await call(bob, 'POST', '/templates/preview', { contactId: grace.id, templateId: mine.id })).statusCode).toBe(404);
    expect((await call(alice, 'DELETE', `/templates/${mine.id}`)).statusCode).toBe(204);
    expect((await call(alice, 'POST', '/templates/preview', { contactId: grace.id, purpose: 'congratulations' })).json().templateId).toBe('builtin:congratulations');
  });
});
