import { Option, type Command } from 'commander';
import { circles } from '../../contracts/contacts';
import {
  MilestoneCreate,
  milestoneKinds,
  RelationshipSettingsUpdate,
  TemplateCreate,
  TemplatePreviewRequest,
  templatePurposes,
  TodayAction,
  type RelationshipSettingsDto,
  type TodayItemDto,
} from '../../contracts/relationships';
import { AppError } from '../../server/platform/errors';
import { isId } from '../../server/platform/ids';
import { parseInput, withActor } from '../context';
import { collect, integer, parseDay } from '../options';
import { color, heading, printJson, printLine, printTable, truncate } from '../output';
import { resolveContact } from '../resolve';

const typeLabel: Record<TodayItemDto['type'], string> = {
  follow_up: 'follow-up',
  cadence: 'keep in touch',
  milestone: 'celebrate',
  dormant: 'reconnect',
  new_contact: 'new contact',
};

function checkId(id: string, what: string, hint: string): string {
  if (!isId(id.trim())) throw new AppError('validation', `"${id}" is not a ${what} id; see ids with: ${hint}`);
  return id.trim().toLowerCase();
}

function printSettings(s: RelationshipSettingsDto): void {
  printTable(
    ['Circle', 'Usual size', 'Keep in touch every', 'Default'],
    s.circles.map((c) => [c.circle, c.size ?? '—', c.cadenceDays ? `${c.cadenceDays} days` : color.dim('no reminder'), c.defaultCadenceDays ? `${c.defaultCadenceDays} days` : 'none']),
  );
  printLine(`Daily budget: ${s.dailyBudget} items · recency half-life: ${s.recencyHalfLifeDays} days`);
}

/** "inner=14", "acquaintance=off" -> { inner: 14, acquaintance: null } */
function parseCadences(values: string[] | undefined): Record<string, number | null> | undefined {
  if (!values?.length) return undefined;
  const out: Record<string, number | null> = {};
  for (const v of values) {
    const m = /^([a-z]+)=(\d+|off|none)$/i.exec(v.trim());
    if (!m) throw new AppError('validation', `--cadence must be CIRCLE=DAYS or CIRCLE=off (e.g. inner=14), not "${v}"`);
    out[m[1]!.toLowerCase()] = /^\d+$/.test(m[2]!) ? Number(m[2]) : null;
  }
  return out;
}

export function registerRelationships(program: Command): void {
  // --- today --------------------------------------------------------------------------------------
  const today = program
    .command('today')
    .description('the Today agenda: whom to reach out to and why')
    .option('--limit <n>', 'how many items (default: your daily budget)', integer)
    .addHelpText('after', `\nExamples:\n  $ rapport today\n  $ rapport today done cadence:01890a5d-ac96-774b-bcce-b302099a8057\n  $ rapport today snooze follow_up:01890a5d-ac96-774b-bcce-b302099a8057 --until "in 1 week"\n  $ rapport today draft cadence:01890a5d-ac96-774b-bcce-b302099a8057`)
    .action(async (opts: { limit?: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        if (opts.limit !== undefined && (opts.limit < 1 || opts.limit > 50)) throw new AppError('validation', '--limit must be between 1 and 50');
        const agenda = await ctx.services.today.agenda(actor, { limit: opts.limit });
        if (ctx.json) return printJson(agenda);
        for (const r of agenda.reminders) printLine(`${color.blue('Plan:')} ${r.reason} ${color.dim('(rapport posts)')}`);
        if (agenda.items.length === 0) return printLine(`Nothing for today (${agenda.date}). Set cadences with: rapport circles set close 30`);
        heading(`Today, ${agenda.date}`);
        printTable(
          ['What', 'Contact', 'Why', 'Item'],
          agenda.items.map((i) => [typeLabel[i.type], i.contactName, truncate(i.type === 'follow_up' ? `${i.title} — ${i.reason}` : i.reason, 70), color.dim(i.id)]),
        );
        if (agenda.more) printLine(color.dim(`${agenda.more} more beyond your daily budget of ${agenda.budget}`));
      }),
    );

  const act = (action: 'done' | 'snooze') => async (item: string, opts: { until?: string }, command: Command) =>
    withActor(command, async (ctx, actor) => {
      const until = opts.until === undefined ? undefined : parseDay(opts.until, '--until', actor.timezone, ctx.services.deps.clock.now());
      const input = parseInput(TodayAction, { item, action, ...(until && { until }) }, { until: '--until', item: 'ITEM' });
      await ctx.services.today.act(actor, input);
      if (ctx.json) return printJson({ item, action, until: until ?? null });
      printLine(action === 'done' ? `${color.green('Done:')} ${item}` : `${color.blue('Snoozed')} until ${until}: ${item}`);
    });

  today.command('done').argument('<item>', 'item id from `rapport today`').description('mark an agenda item done').action(act('done'));
  today
    .command('snooze')
    .argument('<item>', 'item id from `rapport today`')
    .description('hide an agenda item until a later day')
    .requiredOption('--until <date>', 'YYYY-MM-DD (or "tomorrow", "in 1 week")')
    .action(act('snooze'));
  today
    .command('draft')
    .argument('<item>', 'item id from `rapport today`')
    .description('draft a message for an agenda item from a template')
    .option('--template <id>', 'a template id (default: yours for the purpose, else the shipped one)')
    .action(async (item: string, opts: { template?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const agenda = await ctx.services.today.agenda(actor, { limit: 50 });
        const found = agenda.items.find((i) => i.id === item);
        if (!found) throw new AppError('not_found', `No item ${item} on today's agenda; see them with: rapport today`);
        const preview = await ctx.services.templates.preview(actor, {
          contactId: found.contactId,
          purpose: found.draftPurpose,
          ...(opts.template && { templateId: opts.template }),
          ...(found.eventName && { eventName: found.eventName }),
        });
        if (ctx.json) return printJson(preview);
        printLine(preview.text);
      }),
    );

  // --- circles and settings -----------------------------------------------------------------------
  const circlesCommand = program
    .command('circles')
    .description('circles, their keep-in-touch cadences, the daily budget and the strength half-life')
    .addHelpText('after', `\nExamples:\n  $ rapport circles\n  $ rapport circles set --cadence close=21 --cadence acquaintance=off --budget 5 --half-life 45`)
    .action(async (_opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const s = await ctx.services.relationships.settings(actor);
        if (ctx.json) return printJson(s);
        printSettings(s);
      }),
    );
  circlesCommand
    .command('set')
    .description('change cadences per circle, the daily budget or the recency half-life')
    .option('--cadence <circle=days>', `keep-in-touch days for a circle (${circles.join(', ')}); "off" for none; repeatable`, collect)
    .option('--budget <n>', 'items on the Today agenda', integer)
    .option('--half-life <days>', 'days after which recency counts half', integer)
    .action(async (opts: { cadence?: string[]; budget?: number; halfLife?: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const input = parseInput(
          RelationshipSettingsUpdate,
          { cadences: parseCadences(opts.cadence), dailyBudget: opts.budget, recencyHalfLifeDays: opts.halfLife },
          { cadences: '--cadence', dailyBudget: '--budget', recencyHalfLifeDays: '--half-life' },
        );
        const s = await ctx.services.relationships.updateSettings(actor, input);
        if (ctx.json) return printJson(s);
        printSettings(s);
      }),
    );

  // --- strength -----------------------------------------------------------------------------------
  program
    .command('strength')
    .argument('[contact]', 'id, name or email')
    .description("a contact's relationship strength and why; --recompute rebuilds every contact's from the interactions")
    .option('--recompute', 'recompute the aggregates and due dates of all contacts')
    .addHelpText('after', `\nExamples:\n  $ rapport strength "Ada Lovelace"\n  $ rapport strength --recompute`)
    .action(async (ref: string | undefined, opts: { recompute?: boolean }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        if (opts.recompute) {
          const result = await ctx.services.relationships.recomputeAll(actor);
          if (ctx.json) return printJson(result);
          return printLine(`${color.green('Recomputed')} ${result.contacts} contacts (${result.changed} were out of date)`);
        }
        if (!ref) throw new AppError('validation', 'Name a contact, or pass --recompute');
        const contact = await resolveContact(ctx.services, actor, ref);
        if (ctx.json) return printJson({ contactId: contact.id, name: contact.name, ...contact.strength });
        const s = contact.strength;
        printLine(`${color.bold(contact.name)}: ${color.bold(String(s.score))}/100 (${s.band}, ${s.trend})`);
        for (const r of s.reasons) printLine(`  ${r.factor.padEnd(11)} ${r.max ? `${String(r.points).padStart(4)}/${r.max}` : '       '}  ${r.text}`);
      }),
    );

  // --- milestones ---------------------------------------------------------------------------------
  const milestones = program
    .command('milestones')
    .alias('milestone')
    .argument('[contact]', "only this contact's (id, name or email)")
    .description('milestones to celebrate: birthdays, work anniversaries, new roles, launches, publications')
    .option('--upcoming <days>', "what comes up in the next N days, contacts' birthdays included", integer)
    .addHelpText('after', `\nExamples:\n  $ rapport milestones --upcoming 30\n  $ rapport milestones add "Ada Lovelace" --kind launch --date 2026-09-01 --title "Engine v2"\n  $ rapport milestones add "Ada Lovelace" --kind work_anniversary --date 2021-03-15`)
    .action(async (ref: string | undefined, opts: { upcoming?: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        if (opts.upcoming !== undefined) {
          if (opts.upcoming < 1 || opts.upcoming > 366) throw new AppError('validation', '--upcoming must be between 1 and 366');
          const { items } = await ctx.services.milestones.upcoming(actor, opts.upcoming);
          if (ctx.json) return printJson({ items });
          if (items.length === 0) return printLine(`Nothing in the next ${opts.upcoming} days.`);
          return printTable(['Date', 'Contact', 'What', 'Years'], items.map((o) => [o.date, o.contactName, o.title, o.years]));
        }
        const contact = ref ? await resolveContact(ctx.services, actor, ref) : undefined;
        const { items } = await ctx.services.milestones.list(actor, { contactId: contact?.id });
        if (ctx.json) return printJson({ items });
        if (items.length === 0) return printLine('No milestones yet. Add one with: rapport milestones add "Ada Lovelace" --kind launch --date 2026-09-01');
        printTable(['Next', 'Contact', 'Kind', 'Title', 'Date', 'ID'], items.map((m) => [m.nextOn, m.contactName, m.kind, m.title, m.onDate, color.dim(m.id)]));
      }),
    );
  milestones
    .command('add')
    .argument('<contact>', 'id, name or email')
    .description('add a milestone')
    .addOption(new Option('--kind <kind>', 'what it is').choices(milestoneKinds).makeOptionMandatory())
    .requiredOption('--date <date>', 'YYYY-MM-DD, or --MM-DD for a yearly one whose year is unknown')
    .option('--title <text>', 'default: from the kind')
    .addOption(new Option('--recurrence <r>', 'default: yearly for birthdays and anniversaries').choices(['yearly', 'once']))
    .option('--remind <days>', 'show it this many days ahead', integer)
    .action(async (ref: string, opts: { kind: string; date: string; title?: string; recurrence?: string; remind?: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const contact = await resolveContact(ctx.services, actor, ref);
        const input = parseInput(
          MilestoneCreate,
          { contactId: contact.id, kind: opts.kind, onDate: opts.date, title: opts.title, recurrence: opts.recurrence, remindDaysBefore: opts.remind },
          { onDate: '--date', kind: '--kind', title: '--title', remindDaysBefore: '--remind', recurrence: '--recurrence' },
        );
        const m = await ctx.services.milestones.create(actor, input);
        if (ctx.json) return printJson(m);
        printLine(`${color.green('Added')} ${m.title} for ${color.bold(m.contactName)} (${m.onDate}, ${m.recurrence}; next ${m.nextOn ?? 'passed'}) ${color.dim(`(${m.id})`)}`);
      }),
    );
  milestones
    .command('rm')
    .alias('remove')
    .argument('<id>', 'milestone id')
    .description('delete a milestone')
    .action(async (id: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const milestoneId = checkId(id, 'milestone', 'rapport milestones');
        await ctx.services.milestones.remove(actor, milestoneId);
        if (ctx.json) return printJson({ deleted: true, id: milestoneId });
        printLine(`${color.green('Deleted')} milestone ${milestoneId}`);
      }),
    );

  // --- templates ----------------------------------------------------------------------------------
  const templates = program
    .command('templates')
    .alias('template')
    .description('message templates with {{firstName}}, {{lastTopic}}, {{daysSince}}, {{eventName}}')
    .addHelpText('after', `\nExamples:\n  $ rapport templates\n  $ rapport templates add --purpose thank_you --name Short --body "Thanks {{firstName}}, {{lastTopic}} helped a lot."\n  $ rapport templates preview "Ada Lovelace" --purpose reconnect`)
    .action(async (_opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const { items } = await ctx.services.templates.list(actor);
        if (ctx.json) return printJson({ items });
        printTable(['Purpose', 'Name', 'Text', 'ID'], items.map((x) => [x.purpose, x.builtIn ? `${x.name} ${color.dim('(shipped)')}` : x.name, truncate(x.body, 60), color.dim(x.id)]));
      }),
    );
  templates
    .command('add')
    .description('add a template of your own (it takes precedence over the shipped one for its purpose)')
    .addOption(new Option('--purpose <purpose>', 'what it is for').choices(templatePurposes).makeOptionMandatory())
    .requiredOption('--name <name>', 'a short name')
    .requiredOption('--body <text>', 'the text, with variables')
    .action(async (opts: { purpose: string; name: string; body: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const input = parseInput(TemplateCreate, opts, { body: '--body', name: '--name', purpose: '--purpose' });
        const created = await ctx.services.templates.create(actor, input);
        if (ctx.json) return printJson(created);
        printLine(`${color.green('Added')} template ${created.name} ${color.dim(`(${created.id})`)}`);
      }),
    );
  templates
    .command('rm')
    .alias('remove')
    .argument('<id>', 'template id')
    .description('delete a template of yours')
    .action(async (id: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const templateId = checkId(id, 'template', 'rapport templates');
        await ctx.services.templates.remove(actor, templateId);
        if (ctx.json) return printJson({ deleted: true, id: templateId });
        printLine(`${color.green('Deleted')} template ${templateId}`);
      }),
    );
  templates
    .command('preview')
    .argument('<contact>', 'id, name or email')
    .description('render a template for a contact')
    .addOption(new Option('--purpose <purpose>', 'which kind of message').choices(templatePurposes))
    .option('--template <id>', 'a template id')
    .option('--event <name>', 'what {{eventName}} says')
    .action(async (ref: string, opts: { purpose?: string; template?: string; event?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const contact = await resolveContact(ctx.services, actor, ref);
        const input = parseInput(
          TemplatePreviewRequest,
          { contactId: contact.id, purpose: opts.purpose ?? (opts.template ? undefined : 'follow_up'), templateId: opts.template, eventName: opts.event },
          { purpose: '--purpose', templateId: '--template', eventName: '--event' },
        );
        const preview = await ctx.services.templates.preview(actor, input);
        if (ctx.json) return printJson(preview);
        printLine(preview.text);
      }),
    );
}
