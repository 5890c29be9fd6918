import type { Command } from 'commander';
import { withActor } from '../context';
import { color, printJson, printLine } from '../output';

export function registerCalendar(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('your secret calendar feed URL (follow-ups, birthdays, milestones, snoozes)')
    .addHelpText('after', `\nExamples:\n  $ rapport calendar\n  $ rapport calendar create\n  $ rapport calendar revoke`)
    .action(async (_opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const feed = await ctx.services.calendarFeed.status(actor);
        if (ctx.json) return printJson(feed);
        if (!feed.active) return printLine('No calendar feed. Create its URL with: rapport calendar create');
        printLine(`Calendar feed ${color.bold(`${feed.prefix}…`)} created ${feed.createdAt}${feed.lastUsedAt ? `, last read ${feed.lastUsedAt}` : ', not read yet'}`);
        printLine(color.dim('The full URL was shown once; get a new one with: rapport calendar create'));
      }),
    );

  calendar
    .command('create')
    .alias('rotate')
    .description('create the feed URL, or replace it (the old URL stops working)')
    .addHelpText('after', `\nExample:\n  $ rapport calendar create --json | jq -r .url`)
    .action(async (_opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const feed = await ctx.services.calendarFeed.create(actor);
        if (ctx.json) return printJson(feed);
        printLine(feed.url);
        process.stderr.write(`${color.dim('Subscribe to this URL in your calendar app. It is shown once; anyone with it can read the feed.')}\n`);
      }),
    );

  calendar
    .command('revoke')
    .description('turn the feed URL off')
    .addHelpText('after', `\nExample:\n  $ rapport calendar revoke`)
    .action(async (_opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        await ctx.services.calendarFeed.revoke(actor);
        if (ctx.json) return printJson({ revoked: true });
        printLine(`${color.green('Revoked')}: the calendar feed URL no longer works`);
      }),
    );
}
