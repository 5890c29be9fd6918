import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../server/db/test-helpers';
import { parseMet } from './commands/events';
import { createCliDatabase, expectOneLineError, runCli, runJson, tableRows, type CliDatabase, type CliEnv } from './test-helpers';

describe('parseMet', () => {
  it('reads a name, an optional <email> and an optional ": context"', () => {
    expect(parseMet('Ada Lovelace')).toEqual({ name: 'Ada Lovelace' });
    expect(parseMet('Ada Lovelace <ada@example.com>: async standups: and more')).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', context: 'async standups: and more' });
    expect(parseMet('  Grace: compilers ')).toEqual({ name: 'Grace', context: 'compilers' });
    expect(() => parseMet(': only context')).toThrow(/has no name/);
  });
});

describe.each(dialects)('rapport events and met on %s', { timeout: 120_000 }, (dialect) => {
  let database: CliDatabase;
  let env: CliEnv;
  beforeAll(async () => {
    database = await createCliDatabase(dialect);
    env = database.env;
    await runJson(['user', 'add', 'priya@example.com', '--password-stdin', '--timezone', 'Europe/Berlin'], { env, input: 'a long passphrase\n' });
    await runJson(['contacts', 'add', 'Grace Hopper', '--email', 'grace@example.com'], { env });
  });
  afterAll(() => database?.drop());

  it('adds an event, the people met (new and existing), and shows the progress', async () => {
    const event = await runJson(['events', 'add', 'RemoteConf 2026', '--start', '2026-05-10', '--end', '2026-05-11', '--role', 'speaker'], { env });
    expect(event).toMatchObject({ name: 'RemoteConf 2026', startsOn: '2026-05-10', endsOn: '2026-05-11', role: 'speaker', timezone: 'Europe/Berlin', met: 0 });

    const met = await runJson(['met', 'remoteconf', 'Ada Lovelace <ada@example.com>: async standups', 'grace@example.com: compilers', '--in', '0'], { env });
    expect(met.event).toMatchObject({ id: event.id, met: 2, waiting: 2, followedUp: 0 });
    expect(met.people.map((p: any) => [p.contactName, p.created, p.context, p.status])).toEqual([
      ['Ada Lovelace', true, 'async standups', 'waiting'],
      ['Grace Hopper', false, 'compilers', 'waiting'],
    ]);
    expect(met.people[0].suggestedMessage).toMatch(/^Hi Ada, great to meet you at RemoteConf 2026!/);

    const [list, due] = await Promise.all([runCli(['events'], { env }), runJson(['followups', '--status', 'due'], { env })]);
    expect(list.code).toBe(0);
    expect(tableRows(list.stdout)[1]).toEqual(['2026-05-10 – 2026-05-11', 'RemoteConf 2026', 'speaker', 'met 2, followed up 0, 2 waiting', event.id]);
    // The people met are on today's list: their follow-ups are due.
    expect(due.items.map((f: any) => f.contactName).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('imports an .ics invitation; refuses unknown events and bad options with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-ics-'));
    const file = join(dir, 'invite.ics');
    writeFileSync(file, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:1@t\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=America/New_York:20260901T090000\r\nSUMMARY:Async Summit\r\nURL:https://async.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    const [imported, unknown, badRole] = await Promise.all([
      runJson(['events', 'import', file], { env }),
      runCli(['met', 'No Such Event', 'Someone'], { env }),
      runCli(['events', 'add', 'X', '--start', '2026-02-30'], { env }),
    ]);
    expect(imported).toMatchObject({ name: 'Async Summit', link: 'https://async.example', startsOn: '2026-09-01', timezone: 'America/New_York', role: 'attendee' });
    expectOneLineError(unknown, 4, /No event matches "No Such Event"/);
    expectOneLineError(badRole, 2, /--start/);
  });
});
