import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../server/db/dialect';
import { createCliDatabase, expectOneLineError, expectSuccess, runCli, runJson, tableRows, type CliDatabase, type CliEnv } from './test-helpers';

/**
 * One person's first session with the `rapport` command, run as real processes against a fresh
 * database of the given dialect. The steps build on each other (as they would in a shell), so they
 * run in order; independent commands of a step run at the same time.
 *
 * Every command is a process that loads the whole app (about 2 s of CPU), so the checks that do not
 * depend on the database (option parsing, tables, prompts, account selection) run on one dialect
 * only, half on each, while the writes, reads and searches run on both.
 */
export function cliScenario(dialect: Dialect): void {
  const sqlite = dialect === 'sqlite';
  const postgres = dialect === 'postgres';
  const only = (when: boolean) => (name: string, body: () => Promise<void>) => {
    if (when) it(name, body);
  };

  describe(`rapport CLI on ${dialect}`, { timeout: 120_000 }, () => {
    let database: CliDatabase;
    let env: CliEnv;
    const run = (args: string[], input?: string) => runCli(args, { env, input });
    const json = (args: string[], input?: string) => runJson(args, { env, input });
    let ada: any;

    beforeAll(async () => {
      database = await createCliDatabase(dialect);
      env = database.env;
    });
    afterAll(async () => {
      await database?.drop();
    });

    only(postgres)('refuses data commands before any account exists, with a hint', async () => {
      const result = await run(['contacts', 'list']);
      expectOneLineError(result, 4, /No account yet; create one with: rapport user add/);
    });

    it('user add reads the password from stdin; the first account is the admin', async () => {
      const [created, withoutStdin] = await Promise.all([
        json(['user', 'add', 'Ada@Example.com', '--password-stdin', '--name', 'Ada Admin', '--timezone', 'Europe/London'], 'a long passphrase\n'),
        run(['user', 'add', 'eve@example.com']),
      ]);
      expect(created).toMatchObject({ email: 'ada@example.com', name: 'Ada Admin', role: 'admin', timezone: 'Europe/London' });
      expect(created.password).toBeUndefined();
      expectOneLineError(withoutStdin, 2, /--password-stdin/);
    });

    only(postgres)('token create --json prints {"token": ...}', async () => {
      const created = await json(['token', 'create', '--name', 'ci']);
      expect(created.token).toMatch(/^rap_[\w-]{20,}$/);
      expect(created.name).toBe('ci');
    });

    it('contacts add: --json prints the contact, the human form one line', async () => {
      const [added, human] = await Promise.all([
        json(['contacts', 'add', 'Ada Lovelace', '--email', 'ada.lovelace@example.com', '--phone', '+44 20 7946 0958', '--org', 'Analytical Engines', '--title', 'Mathematician', '--tag', 'math', '--cadence', '30', '--birthday', '--12-10']),
        run(['contacts', 'add', 'John Smith', '--email', 'john@example.com', '--circle', 'close']),
      ]);
      ada = added;
      expect(added).toMatchObject({
        name: 'Ada Lovelace',
        emails: ['ada.lovelace@example.com'],
        phones: ['+442079460958'],
        organization: 'Analytical Engines',
        title: 'Mathematician',
        tags: ['math'],
        cadenceDays: 30,
        birthday: '--12-10',
      });
      expect(added.id).toMatch(/^[0-9a-f-]{36}$/);
      expectSuccess(human);
      expect(human.stdout).toMatch(/^Added John Smith \([0-9a-f-]{36}\)$/m);
    });

    only(sqlite)('bad input is one line naming the option, exit 2', async () => {
      const [badEmail, badCadence, noName, badKind, badWhen, badDue] = await Promise.all([
        run(['contacts', 'add', 'Grace Hopper', '--email', 'not-an-email']),
        run(['contacts', 'add', 'Grace Hopper', '--cadence', 'often']),
        run(['contacts', 'add', '   ']),
        run(['log', 'Ada Lovelace', '--kind', 'telepathy', '--summary', 'x']),
        run(['log', 'Ada Lovelace', '--kind', 'call', '--summary', 'x', '--at', 'next tuesday-ish']),
        run(['followups', 'add', 'Ada Lovelace', '--due', '2025-02-30', '--reason', 'x']),
      ]);
      expectOneLineError(badEmail, 2, /^rapport: --email #1 must be an email address$/);
      expectOneLineError(badCadence, 2, /--cadence/);
      expectOneLineError(noName, 2, /^rapport: NAME must not be empty$/);
      expectOneLineError(badKind, 2, /--kind/);
      expectOneLineError(badWhen, 2, /^rapport: --at must be a date-time/);
      expectOneLineError(badDue, 2, /^rapport: --due is not a real calendar date$/);
    });

    it('contacts list: a table, or with --json the page', async () => {
      if (postgres) {
        const page = await json(['contacts', 'list']);
        expect(page.nextCursor).toBeNull();
        expect(page.items.map((c: any) => c.name)).toEqual(['Ada Lovelace', 'John Smith']);
        return;
      }
      const [table, page] = await Promise.all([run(['contacts', 'list']), json(['contacts', 'list'])]);
      expectSuccess(table);
      // John has no cadence of his own: the close circle's default gives him a due date.
      const john = page.items.find((c: any) => c.name === 'John Smith');
      expect(john.nextDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const rows = tableRows(table.stdout);
      expect(rows[0]).toEqual(['Name', 'Role', 'Last contact', 'Next due', 'Tags', 'ID']);
      expect(rows.slice(1)).toEqual([
        ['Ada Lovelace', 'Mathematician, Analytical Engines', '—', ada.nextDueOn, 'math', ada.id],
        ['John Smith', '—', '—', john.nextDueOn, '—', john.id],
      ]);
    });

    only(sqlite)('contacts edit changes fields, adds to lists and clears', async () => {
      const edited = await json(['contacts', 'edit', 'ada.lovelace@example.com', '--title', 'Lead Mathematician', '--tag', 'mentor', '--clear', 'birthday', '--star']);
      expect(edited).toMatchObject({ id: ada.id, title: 'Lead Mathematician', tags: ['math', 'mentor'], birthday: null, starred: true });
    });

    it('log records an interaction with several contacts; note adds a note', async () => {
      const [logged, note] = await Promise.all([
        json(['log', 'Ada Lovelace', 'john@example.com', '--kind', 'coffee_chat', '--summary', 'Talked about the analytical engine', '--at', '2025-03-14T09:30:00Z', '--duration', '45']),
        json(['note', 'ada.lovelace@example.com', 'Prefers calls **before lunch**, her time', '--pin']),
      ]);
      expect(logged).toMatchObject({ kind: 'coffee_chat', summary: 'Talked about the analytical engine', occurredAt: '2025-03-14T09:30:00.000Z', durationMinutes: 45 });
      expect(logged.contactIds).toHaveLength(2);
      expect(logged.contactIds).toContain(ada.id);
      expect(note).toMatchObject({ contactId: ada.id, body: 'Prefers calls **before lunch**, her time', pinned: true });
    });

    it('followups add, list and done', async () => {
      const added = await json(['followups', 'add', 'Ada Lovelace', '--due', '2025-01-15', '--reason', 'Send the article on engines']);
      expect(added).toMatchObject({ contactId: ada.id, contactName: 'Ada Lovelace', dueOn: '2025-01-15', done: false });
      if (sqlite) {
        const table = await run(['followups', '--status', 'due']);
        expectSuccess(table);
        const rows = tableRows(table.stdout);
        expect(rows[0]).toEqual(['Due', 'Contact', 'Reason', 'Status', 'ID']);
        expect(rows.slice(1)).toEqual([['2025-01-15', 'Ada Lovelace', 'Send the article on engines', 'overdue', added.id]]);
      }
      const done = await json(['followups', 'done', added.id]);
      expect(done).toMatchObject({ id: added.id, done: true, doneAt: expect.any(String) });
    });

    it('contacts show gathers interactions, notes and open follow-ups', async () => {
      if (postgres) {
        const shown = await json(['contacts', 'show', 'Ada Lovelace']);
        expect(shown.contact).toMatchObject({ id: ada.id, lastInteractionAt: '2025-03-14T09:30:00.000Z', nextDueOn: '2025-04-13' });
        expect(shown.interactions.map((i: any) => i.summary)).toEqual(['Talked about the analytical engine']);
        expect(shown.notes.map((n: any) => n.body)).toEqual(['Prefers calls **before lunch**, her time']);
        // The only follow-up is done.
        expect(shown.followUps).toEqual([]);
        return;
      }
      const human = await run(['contacts', 'show', ada.id]);
      expectSuccess(human);
      expect(human.stdout).toMatch(/^Ada Lovelace ★$/m);
      expect(human.stdout).toMatch(/^Title\s+Lead Mathematician$/m);
      expect(human.stdout).toMatch(/^Next due\s+2025-04-13$/m);
      expect(human.stdout).toMatch(/Recent interactions\n.*\n.*When.*Kind.*Summary/);
      expect(human.stdout).toMatch(/2025-03-14 09:30 │ coffee chat │ Talked about the analytical engine/);
      expect(human.stdout).toMatch(/^ {2}Prefers calls \*\*before lunch\*\*, her time$/m);
      expect(human.stdout).toMatch(/Open follow-ups\nNone\./);
    });

    it('search finds a contact through a typo, and interactions by their summary', async () => {
      const [typo, interaction] = await Promise.all([json(['search', 'jonh']), run(['search', 'analytical', 'engine', '--type', 'interaction'])]);
      expect(typo.items[0]).toMatchObject({ type: 'contact', title: 'John Smith' });
      expectSuccess(interaction);
      const rows = tableRows(interaction.stdout);
      expect(rows[0]).toEqual(['Type', 'Title', 'Match', 'Contact ID']);
      expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([['interaction', 'Talked about the analytical engine']]);
    });

    only(postgres)('with two accounts, data commands need --user (or RAPPORT_USER)', async () => {
      await json(['user', 'add', 'bob@example.com', '--password-stdin'], 'another long passphrase');
      const [ambiguous, viaEnv] = await Promise.all([
        run(['contacts', 'list']),
        runJson(['contacts', 'list'], { env: { ...env, RAPPORT_USER: 'ada@example.com' } }),
      ]);
      expectOneLineError(ambiguous, 2, /^rapport: Several accounts exist \(ada@example.com, bob@example.com\); choose one with --user EMAIL or RAPPORT_USER$/);
      expect(viaEnv.items.map((c: any) => c.name)).toEqual(['Ada Lovelace', 'John Smith']);
    });

    only(sqlite)('contacts rm refuses to delete without --yes when there is no terminal', async () => {
      const refused = await run(['contacts', 'rm', 'John Smith']);
      expectOneLineError(refused, 2, /--yes/);
    });

    it('contacts rm --yes deletes; an unknown contact or follow-up is then one line and exit code 4', async () => {
      const asAda = ['--user', 'ada@example.com'];
      const removed = await json(['contacts', 'rm', 'John Smith', '--yes', ...asAda]);
      expect(removed).toMatchObject({ deleted: true, id: expect.any(String) });
      if (postgres) {
        expectOneLineError(await run(['contacts', 'show', removed.id, ...asAda]), 4, /^rapport: Contact not found$/);
        return;
      }
      const [byName, unknownFollowUp] = await Promise.all([
        run(['log', 'John Smith', '--kind', 'call', '--summary', 'Hello?', ...asAda]),
        run(['followups', 'done', '01890a5d-ac96-774b-bcce-b302099a8057', ...asAda]),
      ]);
      expectOneLineError(byName, 4, /^rapport: No contact matches "John Smith"; list contacts with: rapport contacts list$/);
      expectOneLineError(unknownFollowUp, 4, /^rapport: Follow-up not found$/);
    });
  });
}
