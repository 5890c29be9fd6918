import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { z } from 'zod';
import type { DemoCounts } from '../../server/demo/load-demo';
import type { Actor } from '../../server/platform/context';
import { AppError } from '../../server/platform/errors';
import { parseInput, withContext, type CliContext } from '../context';
import { integer } from '../options';
import { color, printJson, printLine, printNotice } from '../output';
import { readStdin } from '../prompt';

const DemoOptions = z.object({
  email: z.string().trim().toLowerCase().email('must be an email address'),
  seed: z.number().int().min(0, 'must be 0 or more').max(2 ** 32 - 1, 'must fit in 32 bits'),
  // The generator needs distinct names; its vocabulary has a few thousand, so stay well below that.
  contacts: z.number().int().min(10, 'must be at least 10').max(1000, 'must be at most 1000'),
  now: z
    .string()
    .refine((v) => z.iso.date().safeParse(v).success || z.iso.datetime({ offset: true }).safeParse(v).success, {
      message: 'must be a date such as 2025-06-30 or a date-time with a zone such as 2025-06-30T12:00:00Z',
    })
    .optional(),
});

async function hasData(ctx: CliContext, actor: Actor): Promise<boolean> {
  for (const archived of [false, true]) {
    const page = await ctx.services.contacts.list(actor, { sort: 'name', limit: 1, archived });
    if (page.items.length) return true;
  }
  return false;
}

/** Progress on a terminal only: a script reading --json or a log file does not want it. */
function progressReporter(enabled: boolean) {
  if (!enabled) return undefined;
  return (step: keyof DemoCounts, done: number, total: number) => {
    process.stderr.write(`\r${color.dim(`Loading ${step}: ${done}/${total}`)}\u001b[K`);
    if (done === total) process.stderr.write('\r\u001b[K');
  };
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('create a demo account filled with realistic sample data (same --seed and --now: same data)')
    .option('--email <email>', 'the demo account', 'demo@rapport.local')
    .option('--password-stdin', 'read the password from stdin (default: generate one and print it once)')
    .option('--seed <n>', 'seed for the generator', integer, 42)
    .option('--contacts <n>', 'how many contacts (interactions, notes and follow-ups scale with it)', integer, 300)
    .option('--now <date-time>', 'generate the two years of history up to this moment instead of now (with --seed: the exact same data)')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rapport demo\n  $ RAPPORT_DATA_DIR=/tmp/rapport-demo rapport demo --seed 7\n  $ printf '%s' "$PASSWORD" | rapport demo --email me@example.com --password-stdin --json`,
    )
    .action(async (opts: { email: string; passwordStdin?: boolean; seed: number; contacts: number; now?: string }, command: Command) => {
      const input = parseInput(
        DemoOptions,
        { email: opts.email, seed: opts.seed, contacts: opts.contacts, now: opts.now },
        { email: '--email', seed: '--seed', contacts: '--contacts', now: '--now' },
      );
      const suppliedPassword = opts.passwordStdin ? await readStdin('password') : undefined;
      if (opts.passwordStdin && !suppliedPassword) throw new AppError('validation', 'No password on stdin');
      await withContext(command, async (ctx) => {
        const started = Date.now();
        const [{ toActor }, { generateDemoData }, { loadDemo }] = await Promise.all([
          import('../../server/domains/account/account.service'),
          import('../../server/demo/demo-data'),
          import('../../server/demo/load-demo'),
        ]);
        const { account } = ctx.services;
        const existing = await account.findUser(input.email);
        let password: string | undefined;
        let actor: Actor;
        if (existing) {
          actor = toActor(existing, 'cli');
          // Loading twice would duplicate every contact; an empty existing account is fine to fill.
          if (await hasData(ctx, actor))
            throw new AppError('conflict', `The account ${input.email} already has data; use another --email or an empty --data-dir`);
          if (suppliedPassword) printNotice(color.yellow(`The account ${input.email} already exists; its password was not changed.`));
        } else {
          password = suppliedPassword ?? randomBytes(12).toString('base64url');
          const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
          actor = toActor(await account.createUser({ email: input.email, password, name: 'Demo User', timezone }), 'cli');
        }
        // A date alone means the end of that day in UTC, so "--now 2025-06-30" includes all of June 30.
        const now = input.now ? new Date(input.now.length === 10 ? `${input.now}T23:59:59Z` : input.now) : ctx.services.deps.clock.now();
        const data = generateDemoData({ seed: input.seed, now, contacts: input.contacts });
        const counts = await loadDemo(ctx.services, actor, data, progressReporter(!ctx.json && Boolean(process.stderr.isTTY)));
        const seconds = (Date.now() - started) / 1000;
        const generated = password !== undefined && !suppliedPassword;
        if (ctx.json)
          return printJson({ email: input.email, userId: actor.userId, seed: input.seed, ...(generated && { password }), counts, seconds });
        printLine(
          `${color.green('Demo ready')} for ${color.bold(input.email)} (seed ${input.seed}): ${counts.contacts} contacts, ${counts.organizations} organizations, ` +
            `${counts.interactions} interactions, ${counts.notes} notes, ${counts.followUps} follow-ups in ${seconds.toFixed(1)} s`,
        );
        if (generated) printLine(`Password: ${color.bold(password!)}  ${color.yellow('(shown once; store it now)')}`);
        printLine(`Web:  rapport serve, then open ${ctx.config.baseUrl}/ and sign in as ${input.email}`);
        printLine(`CLI:  rapport followups --status due --user ${input.email}`);
      });
    });
}
