import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../server/db/test-helpers';
import { parseWindow } from './commands/chats';
import { createCliDatabase, expectOneLineError, runCli, runJson, tableRows, type CliDatabase, type CliEnv } from './test-helpers';

describe('parseWindow', () => {
  it('reads "tue 09:00-12:00" and refuses anything else', () => {
    expect(parseWindow('tue 9:00-12:30')).toEqual({ weekday: 2, start: '09:00', end: '12:30' });
    expect(parseWindow('Sunday 14:00 - 16:00')).toEqual({ weekday: 7, start: '14:00', end: '16:00' });
    expect(() => parseWindow('someday 9-5')).toThrow(/must look like "tue 09:00-12:00"/);
  });
});

describe.each(dialects)('rapport chats and booking on %s', { timeout: 120_000 }, (dialect) => {
  let database: CliDatabase;
  let env: CliEnv;
  beforeAll(async () => {
    database = await createCliDatabase(dialect);
    env = database.env;
    await runJson(['user', 'add', 'sam@example.com', '--password-stdin', '--name', 'Sam Lee', '--timezone', 'Europe/London'], { env, input: 'a long passphrase\n' });
  });
  afterAll(() => database?.drop());

  it('adds a chat with a new contact, moves it to held (thank-you follow-up), and shows the pipeline', async () => {
    const chat = await runJson(['chats', 'add', 'Grace Hopper', '--new', '--email', 'grace@example.com', '--topic', 'Moving into DevRel', '--kind', 'informational_interview', '--at', '2026-01-10T15:00'], { env });
    expect(chat).toMatchObject({ contactName: 'Grace Hopper', status: 'scheduled', scheduledAt: '2026-01-10T15:00:00.000Z', kind: 'informational_interview' });
    const held = await runJson(['chats', 'move', chat.id, 'held', '--notes', 'Start a blog'], { env });
    expect(held).toMatchObject({ status: 'held', notes: 'Start a blog', thankYouFollowUp: { done: false } });
    const [list, prep, badStatus] = await Promise.all([runCli(['chats'], { env }), runJson(['chats', 'show', chat.id], { env }), runCli(['chats', 'move', chat.id, 'done'], { env })]);
    expect(tableRows(list.stdout)[1]!.slice(2, 4)).toEqual(['Grace Hopper', 'Moving into DevRel']);
    expect(prep.history.interactions[0].summary).toBe('Informational interview: Moving into DevRel');
    expectOneLineError(badStatus, 2, /STATUS/);
  });

  it('sets up the booking page', async () => {
    const [settings, bad] = await Promise.all([
      runJson(['booking', 'set', '--enable', '--slug', 'sam-lee', '--window', 'tue 09:00-12:00', '--window', 'thu 14:00-17:00', '--slot', '45', '--buffer', '15'], { env }),
      runCli(['booking', 'set', '--window', 'whenever'], { env }),
    ]);
    expect(settings).toMatchObject({ enabled: true, slug: 'sam-lee', path: '/book/sam-lee', timezone: 'Europe/London', slotMinutes: 45, availability: [{ weekday: 2, start: '09:00', end: '12:00' }, { weekday: 4, start: '14:00', end: '17:00' }] });
    expectOneLineError(bad, 2, /--window "whenever"/);
  });
});
