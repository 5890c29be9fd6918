import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../server/db/test-helpers';
import { createCliDatabase, expectOneLineError, runCli, runJson, type CliDatabase, type CliEnv } from './test-helpers';

describe.each(dialects)('rapport engage and posts on %s', { timeout: 120_000 }, (dialect) => {
  let database: CliDatabase;
  let env: CliEnv;
  beforeAll(async () => {
    database = await createCliDatabase(dialect);
    env = database.env;
    await runJson(['user', 'add', 'pia@example.com', '--password-stdin'], { env, input: 'a long passphrase\n' });
    await runJson(['contacts', 'add', 'Ada Lovelace'], { env });
  });
  afterAll(() => database?.drop());

  it('logs an engagement and plans a post that mentions a contact', async () => {
    const [engaged, post, bad] = await Promise.all([
      runJson(['engage', 'Ada Lovelace', '--action', 'shared', '--platform', 'LinkedIn', '--note', 'her launch'], { env }),
      runJson(['posts', 'add', 'Lessons from remote onboarding', '--platform', 'LinkedIn', '--on', '2030-06-02', '--mention', 'Ada Lovelace'], { env }),
      runCli(['engage', 'Ada Lovelace', '--action', 'liked'], { env }),
    ]);
    expect(engaged).toMatchObject({ action: 'shared', summary: 'Shared their post on LinkedIn: her launch', contactName: 'Ada Lovelace' });
    expect(post).toMatchObject({ status: 'scheduled', plannedOn: '2030-06-02', mentions: [{ name: 'Ada Lovelace' }] });
    expectOneLineError(bad, 2, /--action/);
    const [moved, log] = await Promise.all([runJson(['posts', 'move', post.id, 'published'], { env }), runJson(['engagements'], { env })]);
    expect(moved.status).toBe('published');
    expect(log.items).toHaveLength(1);
  });

  it('reminds of a post scheduled for today in rapport today', async () => {
    await runJson(['posts', 'add', 'Why I mentor', '--platform', 'LinkedIn', '--on', 'today'], { env });
    const [text, json] = await Promise.all([runCli(['today'], { env }), runJson(['today'], { env })]);
    expect(text.stdout).toContain('Plan: Scheduled post for LinkedIn today: Why I mentor');
    expect(json.reminders).toEqual([expect.objectContaining({ type: 'scheduled_post', title: 'Why I mentor', link: '/social' })]);
  });
});
