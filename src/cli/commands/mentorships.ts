import { Option, type Command } from 'commander';
import { MentorshipActionCreate, MentorshipCreate, MentorshipGoalCreate, MentorshipListQuery, mentorshipRoles, MentorshipSessionCreate, mentorshipStatuses, MentorshipUpdate } from '../../contracts/mentorships';
import { AppError } from '../../server/platform/errors';
import { isId } from '../../server/platform/ids';
import { parseInput, withActor } from '../context';
import { integer, parseDay, parseWhen } from '../options';
import { color, formatInstant, heading, printFields, printJson, printLine, printTable, truncate } from '../output';
import { resolveContact } from '../resolve';

const labels = { contactId: 'CONTACT', role: '--role', focus: '--focus', cadenceDays: '--cadence', status: '--status', title: 'TITLE', dueOn: '--due', summary: '--summary', occurredAt: '--at', durationMinutes: '--duration', notes: '--notes' };

function checkId(id: string): string {
  if (!isId(id.trim())) throw new AppError('validation', `"${id}" is not a mentorship id; see ids with: rapport mentorships`);
  return id.trim().toLowerCase();
}

export function registerMentorships(program: Command): void {
  const mentorships = program
    .command('mentorships')
    .alias('mentorship')
    .description('mentorships where you are the mentor or the mentee: goals, sessions, action items')
    .addOption(new Option('--status <status>', 'only these').choices(mentorshipStatuses))
    .addOption(new Option('--role <role>', 'your role').choices(mentorshipRoles))
    .addHelpText('after', `\nExamples:\n  $ rapport mentorships\n  $ rapport mentorships add "Grace Hopper" --role mentee --focus "Becoming a staff engineer" --cadence 14\n  $ rapport mentorships session 01890a5d-ac96-774b-bcce-b302099a8057 --summary "Reviewed my design doc"\n  $ rapport mentorships find --tag product-management`)
    .action(async (opts: { status?: string; role?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const page = await ctx.services.mentorships.list(actor, parseInput(MentorshipListQuery, { status: opts.status, role: opts.role, limit: 200 }, labels));
        if (ctx.json) return printJson(page);
        if (!page.items.length)
          return printLine('No mentorships yet. Find someone to learn from, then start one:\n  rapport mentorships find --tag product-management\n  rapport mentorships add "Grace Hopper" --role mentee --focus "Becoming a staff engineer" --cadence 30');
        printTable(
          ['You are', 'With', 'Focus', 'Status', 'Next session', 'Open actions', 'ID'],
          page.items.map((m) => [m.role, m.contactName, truncate(m.focus, 40), m.status, m.nextSessionOn ?? '', m.actions.filter((a) => !a.done).length, color.dim(m.id)]),
        );
      }),
    );

  mentorships
    .command('add')
    .argument('<contact>', 'id, name or email')
    .description('start a mentorship')
    .addOption(new Option('--role <role>', 'your role: mentor (you guide them) or mentee (required)').choices(mentorshipRoles))
    .requiredOption('--focus <text>', 'what it is about')
    .option('--cadence <days>', 'a session every N days (the next one becomes a follow-up)', integer)
    .addHelpText('after', `\nExample:\n  $ rapport mentorships add "Grace Hopper" --role mentee --focus "Becoming a staff engineer" --cadence 14`)
    .action(async (ref: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        // --role is also the list's filter: commander hands it to whichever command declares it first.
        const opts = command.optsWithGlobals<{ role?: string; focus: string; cadence?: number }>();
        if (!opts.role) throw new AppError('validation', '--role is required: mentor (you guide them) or mentee (they guide you)');
        const contact = await resolveContact(ctx.services, actor, ref);
        const m = await ctx.services.mentorships.create(actor, parseInput(MentorshipCreate, { contactId: contact.id, role: opts.role, focus: opts.focus, cadenceDays: opts.cadence }, labels));
        if (ctx.json) return printJson(m);
        printLine(`${color.green('Started')} mentorship with ${color.bold(m.contactName)} (you are the ${m.role})${m.nextSessionOn ? `, next session by ${m.nextSessionOn}` : ''} ${color.dim(`(${m.id})`)}`);
      }),
    );

  mentorships
    .command('show')
    .argument('<id>', 'mentorship id')
    .description('a mentorship: goals, action items and sessions')
    .addHelpText('after', `\nExample:\n  $ rapport mentorships show 01890a5d-ac96-774b-bcce-b302099a8057`)
    .action(async (id: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const m = await ctx.services.mentorships.get(actor, checkId(id));
        const sessions = (await ctx.services.mentorships.sessions(actor, m.id)).items;
        if (ctx.json) return printJson({ ...m, sessions });
        heading(`${m.contactName}: ${m.focus}`);
        printFields([
          ['You are', m.role],
          ['Status', m.status],
          ['Cadence', m.cadenceDays ? `every ${m.cadenceDays} days` : null],
          ['Next session', m.nextSessionOn],
          ['Last session', m.lastSessionAt && formatInstant(m.lastSessionAt, actor.timezone)],
        ]);
        heading('Goals');
        if (!m.goals.length) printLine(color.dim(`  None yet: rapport mentorships goal ${m.id} "Lead a cross-team project"`));
        for (const g of m.goals) printLine(`  [${g.status}] ${g.title}`);
        heading('Action items');
        if (!m.actions.length) printLine(color.dim(`  None yet: rapport mentorships action ${m.id} "Write the design doc" --due "in 1 week"`));
        for (const a of m.actions) printLine(`  ${a.done ? color.green('✓') : '·'} ${a.title}${a.dueOn ? color.dim(` (due ${a.dueOn})`) : ''}`);
        heading('Sessions');
        if (!sessions.length) printLine(color.dim(`  None yet: rapport mentorships session ${m.id} --summary "What we talked about"`));
        for (const s of sessions) printLine(`  ${formatInstant(s.occurredAt, actor.timezone)}  ${s.summary}`);
      }),
    );

  mentorships
    .command('set')
    .argument('<id>', 'mentorship id')
    .description('pause, end or resume a mentorship, or change its cadence or focus')
    .addOption(new Option('--status <status>', 'active, paused or ended').choices(mentorshipStatuses))
    .option('--cadence <days>', 'a session every N days', integer)
    .option('--focus <text>', 'what it is about')
    .addHelpText('after', `\nExample:\n  $ rapport mentorships set 01890a5d-ac96-774b-bcce-b302099a8057 --status paused`)
    .action(async (id: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const opts = command.optsWithGlobals<{ status?: string; cadence?: number; focus?: string }>();
        const m = await ctx.services.mentorships.update(actor, checkId(id), parseInput(MentorshipUpdate, { status: opts.status, cadenceDays: opts.cadence, focus: opts.focus }, labels));
        if (ctx.json) return printJson(m);
        printLine(`${m.contactName}: ${m.status}${m.nextSessionOn ? `, next session by ${m.nextSessionOn}` : ''}`);
      }),
    );

  mentorships
    .command('session')
    .argument('<id>', 'mentorship id')
    .description('log a session (an interaction with them); the next one moves to the cadence after it')
    .requiredOption('--summary <text>', 'what you talked about')
    .option('--at <when>', 'when (default: now)', 'now')
    .option('--duration <minutes>', 'how long', integer)
    .option('--notes <text>', 'notes')
    .addHelpText('after', `\nExample:\n  $ rapport mentorships session 01890a5d-ac96-774b-bcce-b302099a8057 --summary "Reviewed my design doc" --at yesterday --duration 45`)
    .action(async (id: string, opts: { summary: string; at: string; duration?: number; notes?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const input = parseInput(MentorshipSessionCreate, { summary: opts.summary, occurredAt: parseWhen(opts.at, actor.timezone, ctx.services.deps.clock.now()), durationMinutes: opts.duration, notes: opts.notes }, labels);
        const session = await ctx.services.mentorships.logSession(actor, checkId(id), input);
        if (ctx.json) return printJson(session);
        const m = await ctx.services.mentorships.get(actor, checkId(id));
        printLine(`${color.green('Logged')} session with ${m.contactName}${m.nextSessionOn ? `; next one by ${m.nextSessionOn}` : ''}`);
      }),
    );

  mentorships
    .command('goal')
    .argument('<id>', 'mentorship id')
    .argument('<title...>', 'the goal')
    .description('add a goal')
    .addHelpText('after', `\nExample:\n  $ rapport mentorships goal 01890a5d-ac96-774b-bcce-b302099a8057 Lead a cross-team project`)
    .action(async (id: string, words: string[], _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const goal = await ctx.services.mentorships.addGoal(actor, checkId(id), parseInput(MentorshipGoalCreate, { title: words.join(' ') }, labels));
        if (ctx.json) return printJson(goal);
        printLine(`${color.green('Goal added:')} ${goal.title}`);
      }),
    );

  mentorships
    .command('action')
    .argument('<id>', 'mentorship id')
    .argument('<title...>', 'the action item')
    .description('add an action item with a due date (it joins your follow-ups and the Today agenda)')
    .requiredOption('--due <date>', 'YYYY-MM-DD, "tomorrow", "in 1 week"')
    .addHelpText('after', `\nExample:\n  $ rapport mentorships action 01890a5d-ac96-774b-bcce-b302099a8057 Write the design doc --due "in 1 week"`)
    .action(async (id: string, words: string[], opts: { due: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const input = parseInput(MentorshipActionCreate, { title: words.join(' '), dueOn: parseDay(opts.due, '--due', actor.timezone, ctx.services.deps.clock.now()) }, labels);
        const action = await ctx.services.mentorships.addAction(actor, checkId(id), input);
        if (ctx.json) return printJson(action);
        printLine(`${color.green('Action item:')} ${action.title}, due ${action.dueOn}`);
      }),
    );

  mentorships
    .command('find')
    .description('find a mentor: your contacts with an expertise tag, strongest relationship first')
    .option('--tag <tag>', 'the expertise tag')
    .option('--limit <n>', 'how many', integer, 10)
    .addHelpText('after', `\nExample:\n  $ rapport mentorships find --tag product-management`)
    .action(async (opts: { tag?: string; limit: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const result = await ctx.services.mentorships.candidates(actor, { tag: opts.tag, limit: opts.limit });
        if (ctx.json) return printJson(result);
        if (!result.items.length) return printLine(`No contacts${opts.tag ? ` tagged ${opts.tag}` : ''}. Tag people by expertise: rapport contacts edit "Grace Hopper" --tag ${opts.tag ?? 'product-management'}`);
        printTable(['Name', 'About', 'Strength', 'Contact ID'], result.items.map((c) => [c.name, truncate(c.headline ?? '', 40), c.strength ? `${c.strength.score} (${c.strength.band})` : '', color.dim(c.contactId)]));
        printLine(color.dim(`Request to send ${result.items[0]!.name}: ${result.items[0]!.requestMessage}`));
      }),
    );

  mentorships
    .command('rm')
    .alias('remove')
    .argument('<id>', 'mentorship id')
    .description('delete a mentorship (its sessions stay on the timeline)')
    .addHelpText('after', `\nExample:\n  $ rapport mentorships rm 01890a5d-ac96-774b-bcce-b302099a8057`)
    .action(async (id: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const mentorshipId = checkId(id);
        await ctx.services.mentorships.remove(actor, mentorshipId);
        if (ctx.json) return printJson({ deleted: true, id: mentorshipId });
        printLine(`${color.green('Deleted')} mentorship ${mentorshipId}`);
      }),
    );
}
