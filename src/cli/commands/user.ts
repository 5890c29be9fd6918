import type { Command } from 'commander';
import { z } from 'zod';
import { isValidTimeZone } from '../../server/platform/clock';
import { AppError } from '../../server/platform/errors';
import { parseInput, withContext } from '../context';
import { color, formatInstant, printJson, printLine, printNotice, printTable } from '../output';
import { readStdin } from '../prompt';

const UserAdd = z.object({
  email: z.string().trim().toLowerCase().email('must be an email address'),
  name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
  timezone: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin')
    .optional(),
});

export function registerUser(program: Command): void {
  const user = program
    .command('user')
    .description('manage accounts on this database')
    .addHelpText('after', `\nExamples:\n  $ printf '%s' "$PASSWORD" | rapport user add ada@example.com --password-stdin --name "Ada"\n  $ rapport user list`);

  user
    .command('add')
    .argument('<email>', 'sign-in email')
    .description('create an account (the first one becomes the admin)')
    .option('--password-stdin', 'read the password from stdin (required, so it never lands in shell history)')
    .option('--name <name>', 'display name (default: the part before @)')
    .option('--timezone <zone>', 'IANA time zone that decides what "today" means (default: UTC)')
    .addHelpText(
      'after',
      `\nExamples:\n  $ printf '%s' "$PASSWORD" | rapport user add ada@example.com --password-stdin\n  $ rapport user add ada@example.com --password-stdin --timezone Europe/London < password.txt`,
    )
    .action(async (email: string, opts: { passwordStdin?: boolean; name?: string; timezone?: string }, command: Command) => {
      const input = parseInput(UserAdd, { email, name: opts.name, timezone: opts.timezone }, { email: 'EMAIL', name: '--name', timezone: '--timezone' });
      // A password given as an argument would sit in shell history and in `ps` output.
      if (!opts.passwordStdin)
        throw new AppError('validation', `Pass the password on stdin: printf '%s' "$PASSWORD" | rapport user add ${input.email} --password-stdin`);
      const password = await readStdin('password');
      if (!password) throw new AppError('validation', 'No password on stdin');
      await withContext(command, async (ctx) => {
        const created = await ctx.services.account.createUser({ ...input, password });
        if (ctx.json) return printJson(created);
        printLine(`${color.green('Created')} account ${color.bold(created.email)}${created.role === 'admin' ? ' (admin)' : ''}`);
        printNotice(color.dim(`Next: rapport serve and sign in, or rapport token create --user ${created.email} for the API`));
      });
    });

  user
    .command('list')
    .description('list accounts')
    .addHelpText('after', `\nExamples:\n  $ rapport user list\n  $ rapport user list --json`)
    .action(async (_opts: object, command: Command) =>
      withContext(command, async (ctx) => {
        const users = await ctx.services.account.listUsers();
        if (ctx.json) return printJson(users);
        if (users.length === 0) return printLine(`No accounts yet. Create one with: printf '%s' "$PASSWORD" | rapport user add you@example.com --password-stdin`);
        printTable(
          ['Email', 'Name', 'Role', 'Time zone', 'Created', 'ID'],
          users.map((u) => [u.email, u.name, u.role, u.timezone, formatInstant(u.createdAt).slice(0, 10), color.dim(u.id)]),
        );
      }),
    );
}
