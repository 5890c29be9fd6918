import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { EventCreate, EventImport, EventPeopleAdd, eventRoles, type EventDto, type EventPersonDto } from '../../contracts/events';
import type { Actor } from '../../server/platform/context';
import { AppError } from '../../server/platform/errors';
import { isId } from '../../server/platform/ids';
import type { Services } from '../../server/services';
import { parseInput, withActor } from '../context';
import { integer, parseDay } from '../options';
import { color, heading, printFields, printJson, printLine, printTable, truncate } from '../output';

const labels = { name: 'NAME', startsOn: '--start', endsOn: '--end', link: '--link', organizer: '--organizer', timezone: '--timezone', role: '--role', notes: '--notes', people: 'NAME', followUpInDays: '--in', ics: 'FILE' };

const progress = (e: EventDto) => `met ${e.met}, followed up ${e.followedUp}${e.waiting ? `, ${e.waiting} waiting` : ''}`;
const dates = (e: EventDto) => (e.startsOn === e.endsOn ? e.startsOn : `${e.startsOn} – ${e.endsOn}`);

/** An event given on the command line: its id, or a name (exact, else the one event whose name contains it). */
export async function resolveEvent(services: Services, actor: Actor, ref: string): Promise<EventDto> {
  const needle = ref.trim();
  if (isId(needle)) return services.events.get(actor, needle.toLowerCase());
  const found = (await services.events.list(actor, { q: needle, limit: 20 })).items;
  const exact = found.filter((e) => e.name.toLowerCase() === needle.toLowerCase());
  const matches = exact.length ? exact : found;
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    throw new AppError('validation', `"${ref}" matches ${matches.length} events: ${matches.slice(0, 5).map((e) => `${e.name} ${e.startsOn} (${e.id})`).join(', ')}; use the id`);
  throw new AppError('not_found', `No event matches "${ref}"; add it with: rapport events add "${ref}" --start today`);
}

/** "Ada Lovelace <ada@example.com>: talked about compilers" -> name, email, context. */
export function parseMet(text: string): { name: string; email?: string; context?: string } {
  const match = /^\s*([^<:]*?)\s*(?:<([^>]*)>)?\s*(?::\s*(.*))?$/s.exec(text);
  const name = match?.[1]?.trim() ?? '';
  const email = match?.[2]?.trim() || undefined;
  const context = match?.[3]?.trim() || undefined;
  if (!name) throw new AppError('validation', `"${text}" has no name; write it as "Ada Lovelace" or "Ada Lovelace <ada@example.com>: what you talked about"`);
  return { name, email, context };
}

function printPeople(people: EventPersonDto[]) {
  printTable(
    ['Name', 'Context', 'Follow-up', 'Contact ID'],
    people.map((p) => [
      p.contactName,
      truncate(p.context ?? '', 50),
      p.status === 'followed_up' ? color.green('done') : p.followUp ? `due ${p.followUp.dueOn}` : color.dim('none'),
      color.dim(p.contactId),
    ]),
  );
}

export function registerEvents(program: Command): void {
  const events = program
    .command('events')
    .alias('event')
    .description('events and conferences, with the people you met there')
    .option('--limit <n>', 'how many to show', integer, 50)
    .addHelpText('after', `\nExamples:\n  $ rapport events\n  $ rapport events add "RemoteConf 2026" --start 2026-05-10 --end 2026-05-11 --link https://remoteconf.example\n  $ rapport met "RemoteConf 2026" "Ada Lovelace: async standups" "Grace Hopper <grace@example.com>"\n  $ rapport events show "RemoteConf 2026"`)
    .action(async (opts: { limit: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const page = await ctx.services.events.list(actor, { limit: opts.limit });
        if (ctx.json) return printJson(page);
        if (!page.items.length)
          return printLine('No events yet. After a conference or meetup, add it and the people you met, so each gets a follow-up:\n  rapport events add "RemoteConf" --start today\n  rapport met "RemoteConf" "Ada Lovelace: async standups"');
        printTable(['Dates', 'Event', 'Role', 'People', 'ID'], page.items.map((e) => [dates(e), e.name, e.role, progress(e), color.dim(e.id)]));
      }),
    );

  events
    .command('add')
    .argument('<name>', 'the event')
    .description('add an event')
    .requiredOption('--start <date>', 'first day: YYYY-MM-DD or "today"')
    .option('--end <date>', 'last day (default: the first)')
    .option('--link <url>', 'its web page or meeting link')
    .option('--organizer <text>', 'who runs it')
    .option('--timezone <zone>', 'IANA time zone of the event (default: yours)')
    .addOption(new Option('--role <role>', 'your role').choices(eventRoles).default('attendee'))
    .option('--notes <text>', 'anything to remember')
    .addHelpText('after', `\nExample:\n  $ rapport events add "RemoteConf 2026" --start 2026-05-10 --end 2026-05-11 --role speaker --timezone America/New_York`)
    .action(async (name: string, opts: Record<string, string | undefined>, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const now = ctx.services.deps.clock.now();
        const input = parseInput(
          EventCreate,
          {
            name,
            startsOn: parseDay(opts.start!, '--start', actor.timezone, now),
            endsOn: opts.end && parseDay(opts.end, '--end', actor.timezone, now),
            link: opts.link,
            organizer: opts.organizer,
            timezone: opts.timezone,
            role: opts.role,
            notes: opts.notes,
          },
          labels,
        );
        const event = await ctx.services.events.create(actor, input);
        if (ctx.json) return printJson(event);
        printLine(`${color.green('Added')} ${event.name} (${dates(event)}) ${color.dim(`(${event.id})`)}`);
        printLine(color.dim(`Add the people you met: rapport met "${event.name}" "Ada Lovelace: what you talked about"`));
      }),
    );

  events
    .command('import')
    .argument('<file>', 'an .ics invitation')
    .description('add an event from an .ics invitation')
    .addOption(new Option('--role <role>', 'your role (default: organizer if you sent it, else attendee)').choices(eventRoles))
    .addHelpText('after', `\nExample:\n  $ rapport events import ~/Downloads/invite.ics`)
    .action(async (file: string, opts: { role?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        let ics: string;
        try {
          ics = readFileSync(file, 'utf8');
        } catch (error) {
          throw new AppError('not_found', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
        }
        const event = await ctx.services.events.importIcs(actor, parseInput(EventImport, { ics, role: opts.role }, labels));
        if (ctx.json) return printJson(event);
        printLine(`${color.green('Added')} ${event.name} (${dates(event)}, ${event.timezone}) ${color.dim(`(${event.id})`)}`);
      }),
    );

  events
    .command('show')
    .argument('<event>', 'id or name')
    .description('an event, the people met there and their follow-ups')
    .addHelpText('after', `\nExample:\n  $ rapport events show "RemoteConf 2026"`)
    .action(async (ref: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const event = await resolveEvent(ctx.services, actor, ref);
        const people = (await ctx.services.events.people(actor, event.id)).items;
        if (ctx.json) return printJson({ ...event, people });
        heading(event.name);
        printFields([
          ['Dates', `${dates(event)} (${event.timezone})`],
          ['Role', event.role],
          ['Link', event.link],
          ['Organizer', event.organizer],
          ['People', progress(event)],
          ['Notes', event.notes],
          ['ID', event.id],
        ]);
        if (!people.length) return printLine(`\nNo one yet. Add the people you met: rapport met "${event.name}" "Ada Lovelace: what you talked about"`);
        printLine();
        printPeople(people);
      }),
    );

  events
    .command('rm')
    .alias('remove')
    .argument('<event>', 'id or name')
    .description('delete an event (the people met stay in your contacts)')
    .addHelpText('after', `\nExample:\n  $ rapport events rm "RemoteConf 2026"`)
    .action(async (ref: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const event = await resolveEvent(ctx.services, actor, ref);
        await ctx.services.events.remove(actor, event.id);
        if (ctx.json) return printJson({ deleted: true, id: event.id });
        printLine(`${color.green('Deleted')} ${event.name}`);
      }),
    );

  program
    .command('met')
    .argument('<event>', 'id or name of the event')
    .argument('<people...>', '"Name", "Name <email>" or "Name: what you talked about"; existing contacts are matched by exact name or email')
    .description('add the people you met at an event; each gets a first follow-up')
    .option('--in <days>', 'first follow-up due in this many days', integer, 3)
    .addHelpText('after', `\nExamples:\n  $ rapport met "RemoteConf 2026" "Ada Lovelace: async standups" "Grace Hopper <grace@example.com>: compilers"\n  $ rapport met RemoteConf "Linus" --in 1 --json`)
    .action(async (eventRef: string, texts: string[], opts: { in: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const event = await resolveEvent(ctx.services, actor, eventRef);
        const people = [];
        for (const text of texts) {
          const { name, email, context } = parseMet(text);
          const existing = await findExactContact(ctx.services, actor, email ?? name, name);
          people.push(existing ? { contactId: existing, context } : { name, email, context });
        }
        const input = parseInput(EventPeopleAdd, { people, followUpInDays: opts.in }, labels);
        const added = (await ctx.services.events.addPeople(actor, event.id, input)).items;
        if (ctx.json) return printJson({ event: await ctx.services.events.get(actor, event.id), people: added });
        for (const p of added)
          printLine(`${p.created ? color.green('New contact') : 'Contact'} ${color.bold(p.contactName)}${p.followUp ? `: follow up by ${p.followUp.dueOn}` : ''}`);
        const first = added.find((p) => p.status === 'waiting');
        if (first) printLine(color.dim(`Suggested message for ${first.contactName}: ${first.suggestedMessage}`));
      }),
    );
}

/** An existing contact whose name or email is exactly this (several: refuse rather than guess). */
async function findExactContact(services: Services, actor: Actor, ref: string, name: string): Promise<string | undefined> {
  const needle = ref.toLowerCase();
  const found = (await services.contacts.list(actor, { q: ref, sort: 'name', limit: 25, archived: false })).items;
  const exact = found.filter((c) => c.name.toLowerCase() === needle || c.emails.some((e) => e.toLowerCase() === needle));
  if (exact.length > 1) throw new AppError('validation', `"${name}" matches ${exact.length} contacts (${exact.map((c) => c.id).join(', ')}); add them by id with the API or web app, or use an email`);
  return exact[0]?.id;
}
