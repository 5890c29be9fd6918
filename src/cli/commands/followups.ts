import { Option, type Command } from 'commander';
import { FollowUpCreate, FollowUpListQuery, followUpStatuses, FollowUpUpdate, type FollowUpDto } from '../../contracts/follow-ups';
import { todayIn } from '../../server/platform/clock';
import { AppError } from '../../server/platform/errors';
import { isId } from '../../server/platform/ids';
import { parseInput, withActor } from '../context';
import { integer, parseDay } from '../options';
import { color, printJson, printLine, printTable, truncate } from '../output';
import { resolveContact } from '../resolve';

const labels = { contactId: 'CONTACT', dueOn: '--due', reason: '--reason', snoozedUntil: '--until', status: '--status', limit: '--limit' };

function checkId(id: string): string {
  if (!isId(id.trim())) throw new AppError('validation', `"${id}" is not a follow-up id; see ids with: rapport followups --status all`);
  return id.trim().toLowerCase();
}

function statusOf(f: FollowUpDto, today: string): string {
  if (f.done) return color.dim('done');
  if (f.snoozedUntil && f.snoozedUntil > today) return color.blue(`snoozed to ${f.snoozedUntil}`);
  if (f.dueOn < today) return color.red('overdue');
  if (f.dueOn === today) return color.yellow('due today');
  return 'upcoming';
}

const emptyHint: Record<string, string> = {
  due: 'Nothing due. ',
  upcoming: 'Nothing upcoming. ',
  done: 'No follow-ups done yet. ',
  open: 'No open follow-ups. ',
  all: 'No follow-ups yet. ',
};

export function registerFollowUps(program: Command): void {
  const followups = program
    .command('followups')
    .alias('followup')
    .description('list follow-ups, or add, complete and snooze them')
    .addOption(new Option('--status <status>', 'which ones').choices(followUpStatuses).default('open'))
    .option('--limit <n>', 'how many to show', integer, 50)
    .option('--all', 'every matching follow-up, all pages')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rapport followups --status due\n  $ rapport followups add "Ada Lovelace" --due 2026-06-01 --reason "Send the article on async work"\n  $ rapport followups done 01890a5d-ac96-774b-bcce-b302099a8057`,
    )
    .action(async (opts: { status: string; limit: number; all?: boolean }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const query = parseInput(FollowUpListQuery, { status: opts.status, limit: opts.all ? 200 : opts.limit }, labels);
        const items: FollowUpDto[] = [];
        let cursor: string | undefined;
        let nextCursor: string | null = null;
        do {
          const page = await ctx.services.followUps.list(actor, { ...query, cursor });
          items.push(...page.items);
          nextCursor = page.nextCursor;
          cursor = page.nextCursor ?? undefined;
        } while (opts.all && cursor);
        if (ctx.json) return printJson({ items, nextCursor: opts.all ? null : nextCursor });
        if (items.length === 0)
          return printLine(`${emptyHint[opts.status] ?? ''}Add one with: rapport followups add "Ada Lovelace" --due tomorrow --reason "Send the article"`);
        const today = todayIn(ctx.services.deps.clock, actor.timezone);
        printTable(
          ['Due', 'Contact', 'Reason', 'Status', 'ID'],
          items.map((f) => [f.dueOn, f.contactName, truncate(f.reason, 60), statusOf(f, today), color.dim(f.id)]),
        );
        if (nextCursor) printLine(color.dim(`Showing the first ${items.length}; see all with --all`));
      }),
    );

  followups
    .command('add')
    .argument('<contact>', 'id, name or email')
    .description('remember to follow up with someone')
    .requiredOption('--due <date>', 'YYYY-MM-DD (or "tomorrow", "in 3 days")')
    .requiredOption('--reason <text>', 'why, in one line')
    .addHelpText('after', `\nExamples:\n  $ rapport followups add "Ada Lovelace" --due 2026-06-01 --reason "Thank her for the intro"\n  $ rapport followups add ada@example.com --due "in 2 weeks" --reason "Ask how the launch went" --json`)
    .action(async (ref: string, opts: { due: string; reason: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const contact = await resolveContact(ctx.services, actor, ref);
        const input = parseInput(
          FollowUpCreate,
          { contactId: contact.id, dueOn: parseDay(opts.due, '--due', actor.timezone, ctx.services.deps.clock.now()), reason: opts.reason },
          labels,
        );
        const followUp = await ctx.services.followUps.create(actor, input);
        if (ctx.json) return printJson(followUp);
        printLine(`${color.green('Follow up')} with ${color.bold(contact.name)} on ${followUp.dueOn}: ${followUp.reason} ${color.dim(`(${followUp.id})`)}`);
      }),
    );

  followups
    .command('done')
    .argument('<id>', 'follow-up id')
    .description('mark a follow-up as done')
    .addHelpText('after', `\nExample:\n  $ rapport followups done 01890a5d-ac96-774b-bcce-b302099a8057`)
    .action(async (id: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const followUp = await ctx.services.followUps.update(actor, checkId(id), { done: true });
        if (ctx.json) return printJson(followUp);
        printLine(`${color.green('Done:')} ${followUp.reason} (${followUp.contactName})`);
      }),
    );

  followups
    .command('snooze')
    .argument('<id>', 'follow-up id')
    .description('hide a follow-up until a later day')
    .requiredOption('--until <date>', 'YYYY-MM-DD (or "tomorrow", "in 3 days")')
    .addHelpText('after', `\nExamples:\n  $ rapport followups snooze 01890a5d-ac96-774b-bcce-b302099a8057 --until 2026-07-01\n  $ rapport followups snooze 01890a5d-ac96-774b-bcce-b302099a8057 --until "in 1 week"`)
    .action(async (id: string, opts: { until: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const input = parseInput(FollowUpUpdate, { snoozedUntil: parseDay(opts.until, '--until', actor.timezone, ctx.services.deps.clock.now()) }, labels);
        const followUp = await ctx.services.followUps.update(actor, checkId(id), input);
        if (ctx.json) return printJson(followUp);
        printLine(`${color.blue('Snoozed')} until ${followUp.snoozedUntil}: ${followUp.reason} (${followUp.contactName})`);
      }),
    );

  followups
    .command('rm')
    .alias('remove')
    .argument('<id>', 'follow-up id')
    .description('delete a follow-up')
    .addHelpText('after', `\nExample:\n  $ rapport followups rm 01890a5d-ac96-774b-bcce-b302099a8057`)
    .action(async (id: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const followUpId = checkId(id);
        await ctx.services.followUps.remove(actor, followUpId);
        if (ctx.json) return printJson({ deleted: true, id: followUpId });
        printLine(`${color.green('Deleted')} follow-up ${followUpId}`);
      }),
    );
}
