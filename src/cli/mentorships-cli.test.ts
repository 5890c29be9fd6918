import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../server/db/test-helpers';
import { createCliDatabase, expectOneLineError, runCli, runJson, type CliDatabase, type CliEnv } from './test-helpers';

describe.each(dialects)('rapport mentorships on %s', { timeout: 120_000 }, (dialect) => {
  let database: CliDatabase;
  let env: CliEnv;
  beforeAll(async () => {
    database = await createCliDatabase(dialect);
    env = database.env;
    await runJson(['user', 'add', 'mia@example.com', '--password-stdin'], { env, input: 'a long passphrase\n' });
    await runJson(['contacts', 'add', 'Grace Hopper', '--tag', 'compilers'], { env });
  });
  afterAll(() => database?.drop());

  it('starts a mentorship, adds a goal and an action item, logs a session, finds a mentor', async () => {
    const m = await runJson(['mentorships', 'add', 'Grace Hopper', '--role', 'mentee', '--focus', 'Compiler design', '--cadence', '14'], { env });
    expect(m).toMatchObject({ contactName: 'Grace Hopper', role: 'mentee', cadenceDays: 14 });
    expect(m.nextSessionOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [goal, action, session, found, noRole] = await Promise.all([
      runJson(['mentorships', 'goal', m.id, 'Write', 'a', 'parser'], { env }),
      runJson(['mentorships', 'action', m.id, 'Read the dragon book', '--due', 'today'], { env }),
      runJson(['mentorships', 'session', m.id, '--summary', 'Kick-off', '--duration', '30'], { env }),
      runJson(['mentorships', 'find', '--tag', 'compilers'], { env }),
      runCli(['mentorships', 'add', 'Grace Hopper', '--focus', 'x'], { env }),
    ]);
    expect(goal).toMatchObject({ title: 'Write a parser', status: 'open' });
    expect(action).toMatchObject({ title: 'Read the dragon book', done: false });
    expect(session).toMatchObject({ summary: 'Kick-off', durationMinutes: 30 });
    expect(found.items.map((c: any) => c.name)).toEqual(['Grace Hopper']);
    expectOneLineError(noRole, 2, /--role/);
    const shown = await runJson(['mentorships', 'show', m.id], { env });
    expect(shown.sessions.map((s: any) => s.summary)).toEqual(['Kick-off']);
    expect(shown.goals).toHaveLength(1);
    const [due, paused, requested] = await Promise.all([
      runJson(['followups', '--status', 'due'], { env }),
      runJson(['mentorships', 'set', m.id, '--status', 'paused'], { env }),
      // --status of `chats add` is not taken for the list's filter of the same name.
      runJson(['chats', 'add', 'Grace Hopper', '--topic', 'Parsers', '--status', 'requested'], { env }),
    ]);
    expect(paused).toMatchObject({ status: 'paused', nextSessionOn: null });
    expect(requested.status).toBe('requested');
    expect(due.items.map((f: any) => f.reason)).toContain('Mentorship with Grace Hopper: Read the dragon book');
  });
});
