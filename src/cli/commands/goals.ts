import type { Command } from 'commander';
import { GoalCreate, goalMetrics, GoalUpdate, ReviewQuery, type GoalDto } from '../../contracts/goals';
import { AppError } from '../../server/platform/errors';
import { parseInput, withActor } from '../context';
import { integer, parseDay } from '../options';
import { color, heading, printJson, printLine, printTable } from '../output';

const labels = { metric: 'METRIC', target: 'TARGET', week: '--week' };

const metricOf = (text: string) => {
  const metric = text.trim().toLowerCase().replace(/-/g, '_');
  if (!(goalMetrics as readonly string[]).includes(metric)) throw new AppError('validation', `METRIC must be one of ${goalMetrics.join(', ')}`, [{ path: 'metric', message: `must be one of ${goalMetrics.join(', ')}` }]);
  return metric as GoalDto['metric'];
};

const bar = (count: number, target: number) => {
  const filled = Math.min(10, Math.round((count / target) * 10));
  return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)}`;
};

export function registerGoals(program: Command): void {
  const goals = program
    .command('goals')
    .alias('goal')
    .description('weekly goals (reach-outs, new connections, kudos given) with progress and streaks')
    .addHelpText(
      'after',
      `\nMetrics: reach_outs (interactions you initiated), new_connections (contacts added), kudos_given.\nWeeks start on Monday in your time zone.\n\nExamples:\n  $ rapport goals\n  $ rapport goals set reach_outs 5\n  $ rapport goals rm kudos_given`,
    )
    .action(async (_opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const list = await ctx.services.goals.list(actor);
        if (ctx.json) return printJson(list);
        if (list.items.length === 0) return printLine('No weekly goals yet. Set one with: rapport goals set reach_outs 5');
        printLine(color.dim(`Week of ${list.weekStart} to ${list.weekEnd} (${list.timezone})`));
        printTable(
          ['Goal', 'This week', '', 'Streak', 'Metric'],
          list.items.map((g) => [g.label, `${g.thisWeek} / ${g.target}`, g.met ? color.green(`${bar(g.thisWeek, g.target)} met`) : bar(g.thisWeek, g.target), `${g.streak} week${g.streak === 1 ? '' : 's'}`, color.dim(g.metric)]),
        );
      }),
    );

  goals
    .command('set')
    .argument('<metric>', goalMetrics.join(' | '))
    .argument('<target>', 'how many a week', integer)
    .description('set (or change) a weekly goal')
    .addHelpText('after', `\nExamples:\n  $ rapport goals set reach_outs 5\n  $ rapport goals set new_connections 2 --json`)
    .action(async (metricText: string, target: number, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const metric = metricOf(metricText);
        const existing = (await ctx.services.goals.list(actor)).items.find((g) => g.metric === metric);
        const goal = existing
          ? await ctx.services.goals.update(actor, existing.id, parseInput(GoalUpdate, { target }, labels))
          : await ctx.services.goals.create(actor, parseInput(GoalCreate, { metric, target }, labels));
        if (ctx.json) return printJson(goal);
        printLine(`${color.green('Goal')}: ${goal.label} ${goal.target} a week (this week ${goal.thisWeek}, streak ${goal.streak})`);
      }),
    );

  goals
    .command('rm')
    .alias('remove')
    .argument('<metric>', goalMetrics.join(' | '))
    .description('drop a weekly goal')
    .addHelpText('after', `\nExample:\n  $ rapport goals rm kudos_given`)
    .action(async (metricText: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const metric = metricOf(metricText);
        const existing = (await ctx.services.goals.list(actor)).items.find((g) => g.metric === metric);
        if (!existing) throw new AppError('not_found', `No ${metric} goal; see your goals with: rapport goals`);
        await ctx.services.goals.remove(actor, existing.id);
        if (ctx.json) return printJson({ deleted: true, id: existing.id });
        printLine(`${color.green('Dropped')} the ${existing.label.toLowerCase()} goal`);
      }),
    );

  program
    .command('review')
    .description('the weekly review: last week (Monday to Sunday) and the seven days ahead')
    .option('--week <date>', 'review the week containing this day (default: last week)')
    .addHelpText('after', `\nExamples:\n  $ rapport review\n  $ rapport review --week 2026-03-02 --json`)
    .action(async (opts: { week?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const week = opts.week ? parseDay(opts.week, '--week', actor.timezone, ctx.services.deps.clock.now()) : undefined;
        const review = await ctx.services.goals.review(actor, parseInput(ReviewQuery, { week }, labels));
        if (ctx.json) return printJson(review);
        const w = review.lastWeek;
        heading(`Week of ${w.start} to ${w.end}`);
        const kinds = Object.entries(w.interactionsByKind)
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `${n} ${k.replace(/_/g, ' ')}`)
          .join(', ');
        printLine(`Interactions  ${w.interactions}${kinds ? color.dim(` (${kinds})`) : ''}, ${w.reachOuts} you initiated`);
        printLine(`New contacts  ${w.newContacts}`);
        printLine(`Kudos         gave ${w.kudosGiven}, received ${w.kudosReceived}`);
        printLine(`Favors        gave ${w.favorsGiven}, received ${w.favorsReceived}`);
        printLine(`Follow-ups    ${w.followUpsDone} done`);
        for (const g of w.goals) printLine(`Goal          ${g.label}: ${g.count} / ${g.target} ${g.met ? color.green('met') : color.yellow('missed')}`);
        const a = review.weekAhead;
        heading(`Ahead: ${a.start} to ${a.end}`);
        if (a.overdueFollowUps) printLine(color.red(`${a.overdueFollowUps} follow-up${a.overdueFollowUps === 1 ? '' : 's'} overdue`));
        const rows = [
          ...a.followUpsDue.map((f) => [f.snoozedUntil && f.snoozedUntil > f.dueOn ? f.snoozedUntil : f.dueOn, 'follow-up', f.contactName, f.reason]),
          ...[...a.birthdays, ...a.milestones].map((m) => [m.on, m.kind, m.contactName, m.title]),
        ].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
        if (rows.length) printTable(['Day', 'What', 'Contact', ''], rows);
        else printLine('Nothing planned for the next seven days.');
      }),
    );
}
