import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../server/db/test-helpers';
import { createCliDatabase, expectOneLineError, runCli, runJson, type CliDatabase, type CliEnv } from './test-helpers';

describe.each(dialects)('rapport communities on %s', { timeout: 120_000 }, (dialect) => {
  let database: CliDatabase;
  let env: CliEnv;
  beforeAll(async () => {
    database = await createCliDatabase(dialect);
    env = database.env;
    await runJson(['user', 'add', 'lena@example.com', '--password-stdin'], { env, input: 'a long passphrase\n' });
    await runJson(['contacts', 'add', 'Ada Lovelace'], { env });
  });
  afterAll(() => database?.drop());

  it('adds a community, records a contribution and a member, and shows this week against the goal', async () => {
    const c = await runJson(['communities', 'add', 'Remote Leaders', '--platform', 'Slack', '--role', 'moderator', '--goal', '2'], { env });
    expect(c).toMatchObject({ name: 'Remote Leaders', platform: 'Slack', role: 'moderator', weeklyGoal: 2, thisWeek: 0 });
    const [x, member, unknown] = await Promise.all([
      runJson(['communities', 'contribute', 'remote', 'Answered', 'an', 'async', 'question', '--kind', 'answer'], { env }),
      runJson(['communities', 'member', 'Remote Leaders', 'Ada Lovelace', '--context', 'runs the Friday demos'], { env }),
      runCli(['communities', 'contribute', 'Nowhere', 'x'], { env }),
    ]);
    expect(x).toMatchObject({ kind: 'answer', title: 'Answered an async question' });
    expect(member.items).toEqual([expect.objectContaining({ contactName: 'Ada Lovelace', context: 'runs the Friday demos' })]);
    expectOneLineError(unknown, 4, /No community matches "Nowhere"/);
    const list = await runJson(['communities'], { env });
    expect(list.items[0]).toMatchObject({ thisWeek: 1, members: 1, contributions: 1 });
  });

  it('joins the weekly goals: rapport goals set community-contributions counts the contributions of the week', async () => {
    await runJson(['communities', 'contribute', 'remote', 'Gave', 'a', 'lightning', 'talk', '--kind', 'talk'], { env });
    const goal = await runJson(['goals', 'set', 'community-contributions', '3'], { env });
    expect(goal).toMatchObject({ metric: 'community_contributions', label: 'Community contributions', target: 3, thisWeek: 2, met: false });
    const text = await runCli(['goals'], { env });
    expect(text.stdout).toMatch(/Community contributions[ │]+2 \/ 3/);
  });
});
