import { Option, type Command } from 'commander';
import { AppreciationCreate, AppreciationListQuery, directions, type AppreciationDto, type LedgerEntryDto } from '../../contracts/appreciation';
import { addDays, todayIn, type Clock } from '../../server/platform/clock';
import { AppError } from '../../server/platform/errors';
import { isId } from '../../server/platform/ids';
import type { Services } from '../../server/services';
import { parseInput, withActor } from '../context';
import { integer, parseDay } from '../options';
import { color, heading, printJson, printLine, printTable, truncate } from '../output';
import { resolveContact } from '../resolve';

const labels = { contactId: 'CONTACT', text: 'TEXT', occurredOn: '--on', direction: '--direction', limit: '--limit' };

type Kind = { command: 'kudos' | 'favors'; service: 'kudos' | 'favors'; one: string; many: string; example: string };
const kinds: Kind[] = [
  { command: 'kudos', service: 'kudos', one: 'kudos', many: 'kudos', example: 'Great talk on async work' },
  { command: 'favors', service: 'favors', one: 'favor', many: 'favors', example: 'Introduced me to the Rust team' },
];

function checkId(id: string, kind: Kind): string {
  if (!isId(id.trim())) throw new AppError('validation', `"${id}" is not a ${kind.one} id; see ids with: rapport ${kind.command}`);
  return id.trim().toLowerCase();
}

/** A day as parseDay reads it, plus "yesterday" (appreciation is usually recorded after the fact). */
function dayOf(text: string, timeZone: string, clock: Clock): string {
  if (text.trim().toLowerCase() === 'yesterday') return addDays(todayIn(clock, timeZone), -1);
  return parseDay(text, '--on', timeZone, clock.now());
}

const arrow = (d: string) => (d === 'given' ? color.green('given →') : color.blue('← received'));

function registerKind(program: Command, kind: Kind): void {
  const service = (services: Services) => services.appreciation[kind.service];
  const cmd = program
    .command(kind.command)
    .description(`list ${kind.many} given and received, or record one`)
    .addOption(new Option('--direction <direction>', 'only given or only received').choices(directions))
    .option('--contact <contact>', 'only with this contact (id, name or email)')
    .option('--limit <n>', 'how many to show', integer, 50)
    .option('--all', 'every one, all pages')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rapport ${kind.command}\n  $ rapport ${kind.command} give "Ada Lovelace" "${kind.example}"\n  $ rapport ${kind.command} receive "Grace Hopper" "Reviewed my talk" --on yesterday\n  $ rapport ${kind.command} --direction received --json`,
    )
    .action(async (opts: { direction?: string; contact?: string; limit: number; all?: boolean }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const contactId = opts.contact ? (await resolveContact(ctx.services, actor, opts.contact)).id : undefined;
        const query = parseInput(AppreciationListQuery, { direction: opts.direction, contactId, limit: opts.all ? 200 : opts.limit }, labels);
        const items: AppreciationDto[] = [];
        let cursor: string | undefined;
        let nextCursor: string | null = null;
        do {
          const page = await service(ctx.services).list(actor, { ...query, cursor });
          items.push(...page.items);
          nextCursor = page.nextCursor;
          cursor = page.nextCursor ?? undefined;
        } while (opts.all && cursor);
        if (ctx.json) return printJson({ items, nextCursor: opts.all ? null : nextCursor });
        if (items.length === 0) return printLine(`No ${kind.many} yet. Record one with: rapport ${kind.command} give "Ada Lovelace" "${kind.example}"`);
        printTable(
          ['Date', 'Contact', '', 'What', 'ID'],
          items.map((a) => [a.occurredOn, a.contactName, arrow(a.direction), truncate(a.text, 60), color.dim(a.id)]),
        );
        if (nextCursor) printLine(color.dim(`Showing the first ${items.length}; see all with --all`));
      }),
    );

  for (const direction of directions) {
    const verb = direction === 'given' ? 'give' : 'receive';
    cmd
      .command(verb)
      .argument('<contact>', 'id, name or email')
      .argument('<text>', direction === 'given' ? 'what you appreciated or did' : 'what they appreciated or did for you')
      .description(direction === 'given' ? `record ${kind.one === 'kudos' ? 'kudos' : 'a favor'} you gave` : `record ${kind.one === 'kudos' ? 'kudos' : 'a favor'} you received`)
      .option('--on <date>', 'YYYY-MM-DD, "today", "yesterday" (default today)')
      .addHelpText('after', `\nExample:\n  $ rapport ${kind.command} ${verb} "Ada Lovelace" "${kind.example}" --on 2026-03-01`)
      .action(async (ref: string, text: string, opts: { on?: string }, command: Command) =>
        withActor(command, async (ctx, actor) => {
          const contact = await resolveContact(ctx.services, actor, ref);
          const occurredOn = opts.on === undefined ? undefined : dayOf(opts.on, actor.timezone, ctx.services.deps.clock);
          const input = parseInput(AppreciationCreate, { contactId: contact.id, direction, text, occurredOn }, labels);
          const created = await service(ctx.services).create(actor, input);
          if (ctx.json) return printJson(created);
          printLine(`${color.green(kind.one === 'kudos' ? 'Kudos' : 'Favor')} ${direction} ${direction === 'given' ? 'to' : 'from'} ${color.bold(contact.name)} on ${created.occurredOn} ${color.dim(`(${created.id})`)}`);
        }),
      );
  }

  cmd
    .command('rm')
    .alias('remove')
    .argument('<id>', `${kind.one} id`)
    .description(`delete ${kind.one === 'kudos' ? 'kudos' : 'a favor'}`)
    .addHelpText('after', `\nExample:\n  $ rapport ${kind.command} rm 01890a5d-ac96-774b-bcce-b302099a8057`)
    .action(async (id: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const checked = checkId(id, kind);
        await service(ctx.services).remove(actor, checked);
        if (ctx.json) return printJson({ deleted: true, id: checked });
        printLine(`${color.green('Deleted')} ${kind.one} ${checked}`);
      }),
    );
}

const balanceOf = (e: LedgerEntryDto) => (e.balance < 0 ? color.yellow(String(e.balance)) : e.balance > 0 ? color.green(`+${e.balance}`) : '0');

export function registerAppreciation(program: Command): void {
  for (const kind of kinds) registerKind(program, kind);

  program
    .command('ledger')
    .argument('[contact]', 'one contact (id, name or email); everyone when left out')
    .description('the reciprocity ledger: kudos and favors given and received, per contact')
    .option('--limit <n>', 'how many contacts to show', integer, 50)
    .addHelpText('after', `\nExamples:\n  $ rapport ledger\n  $ rapport ledger "Ada Lovelace" --json`)
    .action(async (ref: string | undefined, opts: { limit: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const { appreciation } = ctx.services;
        if (ref) {
          const contact = await resolveContact(ctx.services, actor, ref);
          const line = await appreciation.contactLedger(actor, contact.id);
          if (ctx.json) return printJson(line);
          printLine(`${color.bold(line.contactName)}: gave ${line.given} (kudos ${line.kudosGiven}, favors ${line.favorsGiven}), received ${line.received} (kudos ${line.kudosReceived}, favors ${line.favorsReceived}), balance ${balanceOf(line)}`);
          if (line.recent.length) {
            heading('Recent');
            printTable(['Date', 'Kind', '', 'What'], line.recent.map((a) => [a.occurredOn, a.kind, arrow(a.direction), truncate(a.text, 60)]));
          }
          return;
        }
        const ledger = await appreciation.ledger(actor, { limit: opts.limit });
        if (ctx.json) return printJson(ledger);
        const t = ledger.totals;
        printLine(`Kudos: gave ${t.kudosGiven}, received ${t.kudosReceived}. Favors: gave ${t.favorsGiven}, received ${t.favorsReceived}.`);
        if (ledger.contacts.length === 0) return printLine(`Nothing yet. Record kudos with: rapport kudos give "Ada Lovelace" "Great talk"`);
        if (ledger.owed.length) {
          heading('You have received more than you gave to these people');
          printTable(['Contact', 'Gave', 'Received', 'Balance'], ledger.owed.map((e) => [e.contactName, e.given, e.received, balanceOf(e)]));
        }
        heading('Everyone');
        printTable(
          ['Contact', 'Kudos given', 'Kudos received', 'Favors given', 'Favors received', 'Balance'],
          ledger.contacts.map((e) => [e.contactName, e.kudosGiven, e.kudosReceived, e.favorsGiven, e.favorsReceived, balanceOf(e)]),
        );
      }),
    );
}
