import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../server/db/test-helpers';
import { createCliDatabase, expectOneLineError, expectSuccess, runCli, runJson, type CliDatabase, type CliEnv } from './test-helpers';

describe.each(dialects)('rapport export and restore on %s', { timeout: 120_000 }, (dialect) => {
  let database: CliDatabase;
  let env: CliEnv;
  const dir = mkdtempSync(join(tmpdir(), 'rapport-export-'));

  beforeAll(async () => {
    database = await createCliDatabase(dialect);
    env = database.env;
    await runJson(['user', 'add', 'ada@example.com', '--password-stdin'], { env, input: 'a long passphrase\n' });
    await runJson(['user', 'add', 'new@example.com', '--password-stdin'], { env, input: 'a long passphrase\n' });
    await runJson(['contacts', 'add', 'Grace Hopper', '--email', 'grace@example.com', '--tag', 'navy, compilers', '--user', 'ada@example.com'], { env });
  });
  afterAll(() => database?.drop());

  it('exports vCard to stdout and a backup to a file, and restores the backup into an empty account', async () => {
    const [vcard, written] = await Promise.all([
      runCli(['export', '--format', 'vcard', '--vcard-version', '3.0', '--user', 'ada@example.com'], { env }),
      runJson(['export', '--format', 'json', '-o', join(dir, 'backup.json'), '--user', 'ada@example.com'], { env }),
    ]);
    expectSuccess(vcard);
    const card = new ICAL.Component(ICAL.parse(vcard.stdout) as never);
    expect([card.getFirstPropertyValue('version'), card.getFirstPropertyValue('fn'), card.getFirstPropertyValue('email')]).toEqual(['3.0', 'Grace Hopper', 'grace@example.com']);
    expect(card.getFirstProperty('categories')!.getValues()).toEqual(['navy, compilers']);
    expect(written).toMatchObject({ format: 'json', file: join(dir, 'backup.json') });
    const backup = JSON.parse(readFileSync(join(dir, 'backup.json'), 'utf8'));
    expect(backup.data.contact.map((c: { name: string }) => c.name)).toEqual(['Grace Hopper']);

    const restored = await runJson(['restore', join(dir, 'backup.json'), '--user', 'new@example.com'], { env });
    expect(restored).toMatchObject({ idsKept: false, restored: { contact: 1, tag: 1, contact_tag: 1 } });
    const list = await runJson(['contacts', 'list', '--user', 'new@example.com'], { env });
    expect(list.items.map((c: { name: string; tags: string[] }) => [c.name, c.tags])).toEqual([['Grace Hopper', ['navy, compilers']]]);
  });

  it('refuses a non-empty account and a corrupt file with one line and an exit code', async () => {
    writeFileSync(join(dir, 'corrupt.json'), '{"format": "rapport-backup", "version"');
    const [again, corrupt, missing] = await Promise.all([
      runCli(['restore', join(dir, 'backup.json'), '--user', 'new@example.com'], { env }),
      runCli(['restore', join(dir, 'corrupt.json'), '--user', 'ada@example.com'], { env }),
      runCli(['restore', join(dir, 'nope.json'), '--user', 'ada@example.com'], { env }),
    ]);
    expectOneLineError(again, 5, /already has data .* only into an empty account/);
    expectOneLineError(corrupt, 2, /corrupt: .* not valid JSON; nothing was changed/);
    expectOneLineError(missing, 4, /Cannot read .*nope.json: no such file/);
  });
});
