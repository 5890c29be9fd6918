import type { Command } from 'commander';
import { withContext } from '../context';
import { color, printJson, printLine } from '../output';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (every command also does this on start)')
    .addHelpText('after', `\nExamples:\n  $ rapport migrate\n  $ DATABASE_URL=postgres://rapport@db/rapport rapport migrate --json`)
    .action(async (_opts: object, command: Command) =>
      // Opening the context migrates; this command only reports what that did.
      withContext(command, async (ctx) => {
        if (ctx.json) return printJson({ applied: ctx.applied });
        if (ctx.applied.length === 0) return printLine('Database is up to date.');
        for (const name of ctx.applied) printLine(`${color.green('Applied')} ${name}`);
      }),
    );
}
