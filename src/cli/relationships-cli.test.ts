import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../server/db/test-helpers';
import { createCliDatabase, expectOneLineError, runCli, runJson, tableRows, type CliDatabase, type CliEnv } from './test-helpers';

describe.each(dialects)('rapport today, circles, strength, milestones and templates on %s', { timeout: 180_000 }, (dialect) => {
  let database: CliDatabase;
  let env: CliEnv;
  beforeAll(async () => {
    database = await createCliDatabase(dialect);
    env = database.env;
    await runJson(['user', 'add', 'sam@example.com', '--password-stdin', '--timezone', 'Europe/Berlin'], { env, input: 'a long passphrase\n' });
    await runJson(['contacts', 'add', 'Ada Lovelace', '--circle', 'close', '--email', 'ada@example.com'], { env });
    await runJson(['log', 'Ada Lovelace', '--kind', 'video_call', '--summary', 'The analytical engine', '--at', '40 days ago'], { env });
  });
  afterAll(() => database?.drop());

  it('shows the agenda with reasons, drafts a message, and snoozes an item', async () => {
    const agenda = await runJson(['today'], { env });
    expect(agenda).toMatchObject({ timezone: 'Europe/Berlin', budget: 7, date: DateTime.now().setZone('Europe/Berlin').toISODate() });
    expect(agenda.items).toHaveLength(1);
    const item = agenda.items[0];
    expect(item).toMatchObject({ type: 'cadence', contactName: 'Ada Lovelace', reason: 'no contact for 40 days, usually every 30', draftPurpose: 'reconnect' });

    const [table, draft] = await Promise.all([runCli(['today'], { env }), runCli(['today', 'draft', item.id], { env })]);
    expect(tableRows(table.stdout).find((r) => r[1] === 'Ada Lovelace')?.slice(0, 2)).toEqual(['keep in touch', 'Ada Lovelace']);
    expect(draft.stdout.trim()).toBe('Hi Ada, it has been 40 days since we last talked about the analytical engine. How are things on your side? Would you be up for a quick call?');

    const snoozed = await runJson(['today', 'snooze', item.id, '--until', 'in 1 week'], { env });
    expect(snoozed).toMatchObject({ action: 'snooze', until: DateTime.now().setZone('Europe/Berlin').plus({ days: 7 }).toISODate() });
    expect((await runJson(['today'], { env })).items).toEqual([]);
    expectOneLineError(await runCli(['today', 'snooze', item.id, '--until', 'someday'], { env }), 2, /--until must be a date/);
  });

  it('changes circle cadences and explains strength', async () => {
    const settings = await runJson(['circles', 'set', '--cadence', 'close=60', '--cadence', 'acquaintance=off', '--budget', '5'], { env });
    expect(settings.dailyBudget).toBe(5);
    expect(settings.circles.find((c: any) => c.circle === 'close').cadenceDays).toBe(60);
    const ada = await runJson(['contacts', 'show', 'Ada Lovelace'], { env });
    expect((ada.contact ?? ada).nextDueOn).toBe(DateTime.now().setZone('Europe/Berlin').minus({ days: 40 }).plus({ days: 60 }).toISODate());
    const strength = await runJson(['strength', 'Ada Lovelace'], { env });
    expect(strength.score).toBeGreaterThan(0);
    expect(strength.reasons.find((r: any) => r.factor === 'recency').text).toBe('no contact for 40 days, usually every 60');
    expect(await runJson(['strength', '--recompute'], { env })).toEqual({ contacts: 1, changed: 0 });
    expectOneLineError(await runCli(['circles', 'set', '--cadence', 'inner=often'], { env }), 2, /--cadence must be CIRCLE=DAYS/);
    expectOneLineError(await runCli(['circles', 'set', '--budget', '0'], { env }), 2, /--budget/);
  });

  it('adds milestones and templates and previews them', async () => {
    const soon = DateTime.now().setZone('Europe/Berlin').plus({ days: 3 });
    const m = await runJson(['milestones', 'add', 'Ada Lovelace', '--kind', 'launch', '--date', soon.toISODate()!, '--title', 'Engine v2'], { env });
    expect(m).toMatchObject({ kind: 'launch', recurrence: 'once', nextOn: soon.toISODate(), title: 'Engine v2' });
    const upcoming = await runJson(['milestones', '--upcoming', '7'], { env });
    expect(upcoming.items.map((o: any) => o.title)).toEqual(['Engine v2']);
    await runJson(['templates', 'add', '--purpose', 'congratulations', '--name', 'Short', '--body', 'Bravo {{firstName}} on {{eventName}}!'], { env });
    const preview = await runCli(['templates', 'preview', 'Ada Lovelace', '--purpose', 'congratulations', '--event', 'Engine v2'], { env });
    expect(preview.stdout.trim()).toBe('Bravo Ada on Engine v2!');
    expectOneLineError(await runCli(['milestones', 'add', 'Ada Lovelace', '--kind', 'launch', '--date', '--05-01'], { env }), 2, /one-off milestone needs a year/);
    expect((await runJson(['milestones', 'rm', m.id], { env })).deleted).toBe(true);
  });
});
