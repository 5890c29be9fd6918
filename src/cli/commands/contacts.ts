import { Option, type Command } from 'commander';
import { circles, ContactCreate, ContactListQuery, contactSorts, ContactUpdate, type ContactDto } from '../../contracts/contacts';
import type { Actor } from '../../server/platform/context';
import { AppError } from '../../server/platform/errors';
import { parseInput, withActor, type CliContext } from '../context';
import { collect, integer } from '../options';
import { color, formatInstant, heading, humanKind, printFields, printJson, printLine, printTable, truncate } from '../output';
import { confirm } from '../prompt';
import { resolveContact } from '../resolve';

interface ContactOptions {
  email?: string[];
  phone?: string[];
  org?: string;
  title?: string;
  tag?: string[];
  timezone?: string;
  birthday?: string;
  cadence?: number;
  circle?: string;
  howWeMet?: string;
  location?: string;
}

/** Contract field -> the option a person typed, for error messages. */
const labels: Record<string, string> = {
  name: 'NAME',
  emails: '--email',
  phones: '--phone',
  organization: '--org',
  title: '--title',
  tags: '--tag',
  timezone: '--timezone',
  birthday: '--birthday',
  cadenceDays: '--cadence',
  circle: '--circle',
  howWeMet: '--how-we-met',
  location: '--location',
};

function addContactOptions(command: Command): Command {
  return command
    .option('--email <email>', 'email address (repeatable)', collect)
    .option('--phone <phone>', 'phone number with country code, e.g. +44 20 7946 0958 (repeatable)', collect)
    .option('--org <organization>', 'organization (created when new)')
    .option('--title <title>', 'role at the organization')
    .option('--tag <tag>', 'tag (repeatable)', collect)
    .option('--timezone <zone>', 'IANA time zone, e.g. Europe/Berlin')
    .option('--birthday <date>', 'YYYY-MM-DD, or --MM-DD when the year is unknown')
    .option('--cadence <days>', 'keep in touch every N days', integer)
    .addOption(new Option('--circle <circle>', 'how close you are').choices(circles))
    .option('--how-we-met <text>', 'where or how you met')
    .option('--location <place>', 'city or region');
}

function fieldsFrom(opts: ContactOptions) {
  return {
    ...(opts.email && { emails: opts.email }),
    ...(opts.phone && { phones: opts.phone }),
    ...(opts.org !== undefined && { organization: opts.org }),
    ...(opts.title !== undefined && { title: opts.title }),
    ...(opts.tag && { tags: opts.tag }),
    ...(opts.timezone !== undefined && { timezone: opts.timezone }),
    ...(opts.birthday !== undefined && { birthday: opts.birthday }),
    ...(opts.cadence !== undefined && { cadenceDays: opts.cadence }),
    ...(opts.circle !== undefined && { circle: opts.circle }),
    ...(opts.howWeMet !== undefined && { howWeMet: opts.howWeMet }),
    ...(opts.location !== undefined && { location: opts.location }),
  };
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

function printContactRows(contacts: ContactDto[], timeZone: string) {
  printTable(
    ['Name', 'Role', 'Last contact', 'Next due', 'Tags', 'ID'],
    contacts.map((c) => [
      `${c.starred ? color.yellow('★ ') : ''}${c.name}`,
      [c.title, c.organization].filter(Boolean).join(', '),
      c.lastInteractionAt ? formatInstant(c.lastInteractionAt, timeZone).slice(0, 10) : '',
      c.nextDueOn,
      c.tags.join(', '),
      color.dim(c.id),
    ]),
  );
}

function printContact(c: ContactDto, timeZone: string) {
  printLine(`${color.bold(c.name)}${c.starred ? color.yellow(' ★') : ''}${c.archived ? color.dim(' (archived)') : ''}`);
  printFields([
    ['ID', c.id],
    ['Headline', c.headline],
    ['Organization', c.organization],
    ['Title', c.title],
    ['Emails', c.emails.join(', ')],
    ['Phones', c.phones.join(', ')],
    ['Profiles', c.socialProfiles.map((p) => p.url ?? `${p.type}: ${p.handle}`).join(', ')],
    ['Location', c.location],
    ['Time zone', c.timezone],
    ['Birthday', c.birthday],
    ['How we met', c.howWeMet],
    ['Circle', c.circle],
    ['Cadence', c.cadenceDays ? `every ${c.cadenceDays} days` : null],
    ['Tags', c.tags.join(', ')],
    ['Last contact', c.lastInteractionAt ? formatInstant(c.lastInteractionAt, timeZone) : null],
    ['Next due', c.nextDueOn],
  ]);
}

async function listAll(ctx: CliContext, actor: Actor, query: Record<string, unknown>, all: boolean) {
  const parsed = parseInput(ContactListQuery, query, { q: '--query', tag: '--tag', sort: '--sort', limit: '--limit', cursor: '--cursor' });
  const items: ContactDto[] = [];
  let cursor = parsed.cursor;
  for (;;) {
    const page = await ctx.services.contacts.list(actor, { ...parsed, cursor, ...(all && { limit: 200 }) });
    items.push(...page.items);
    if (!all || !page.nextCursor) return { items, nextCursor: all ? null : page.nextCursor };
    cursor = page.nextCursor;
  }
}

export function registerContacts(program: Command): void {
  const contacts = program
    .command('contacts')
    .description('add, list, show, edit and remove contacts')
    .addHelpText('after', `\nExamples:\n  $ rapport contacts add "Ada Lovelace" --email ada@example.com --org "Analytical Engines" --tag math\n  $ rapport contacts list --due\n  $ rapport contacts show "Ada Lovelace"`);

  addContactOptions(contacts.command('add').argument('<name>', 'full name').description('add a contact'))
    .option('--star', 'mark as a favourite')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rapport contacts add "Ada Lovelace" --email ada@example.com --phone "+44 20 7946 0958" \\\n      --org "Analytical Engines" --title Mathematician --tag math --tag mentor --cadence 30\n  $ rapport contacts add "Grace Hopper" --birthday --12-09 --circle close --json`,
    )
    .action(async (name: string, opts: ContactOptions & { star?: boolean }, command: Command) => {
      // Checked before the database is opened: a typo in an option fails at once.
      const input = parseInput(ContactCreate, { name, ...fieldsFrom(opts), ...(opts.star && { starred: true }) }, labels);
      return withActor(command, async (ctx, actor) => {
        const contact = await ctx.services.contacts.create(actor, input);
        if (ctx.json) return printJson(contact);
        printLine(`${color.green('Added')} ${color.bold(contact.name)} ${color.dim(`(${contact.id})`)}`);
        printLine(color.dim(`Log a conversation with: rapport log "${contact.name}" --kind coffee_chat --summary "..."`));
      });
    });

  contacts
    .command('list')
    .description('list contacts (archived ones are hidden unless --archived)')
    .option('-q, --query <text>', 'only contacts matching this search (name, organization, email, tag; typo tolerant)')
    .option('--tag <tag>', 'only contacts with this tag')
    .addOption(new Option('--circle <circle>', 'only this circle').choices(circles))
    .addOption(new Option('--sort <order>', 'sort order').choices(contactSorts).default('name'))
    .option('--limit <n>', 'how many to show', integer, 50)
    .option('--cursor <cursor>', 'continue after a previous page (nextCursor)')
    .option('--all', 'every matching contact, all pages')
    .option('--archived', 'show archived contacts instead')
    .option('--starred', 'only starred contacts')
    .option('--due', 'only contacts whose keep-in-touch date has come')
    .addHelpText('after', `\nExamples:\n  $ rapport contacts list --due --sort nextDue\n  $ rapport contacts list --tag mentor --all --json | jq '.items[].name'`)
    .action(async (opts: { query?: string; tag?: string; circle?: string; sort: string; limit: number; cursor?: string; all?: boolean; archived?: boolean; starred?: boolean; due?: boolean }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const query = {
          q: opts.query,
          tag: opts.tag,
          circle: opts.circle,
          sort: opts.sort,
          limit: opts.limit,
          cursor: opts.cursor,
          ...(opts.archived && { archived: 'true' }),
          ...(opts.starred && { starred: 'true' }),
          ...(opts.due && { due: 'true' }),
        };
        const page = await listAll(ctx, actor, query, Boolean(opts.all));
        if (ctx.json) return printJson(page);
        if (page.items.length === 0) {
          const filtered = opts.query || opts.tag || opts.circle || opts.archived || opts.starred || opts.due || opts.cursor;
          if (filtered) return printLine('No contacts match these filters. See them all with: rapport contacts list');
          return printLine('No contacts yet. Add one with: rapport contacts add "Ada Lovelace" --email ada@example.com');
        }
        printContactRows(page.items, actor.timezone);
        if (page.nextCursor) printLine(color.dim(`Showing the first ${page.items.length}; see all with --all, or the next page with --cursor ${page.nextCursor}`));
      }),
    );

  contacts
    .command('show')
    .argument('<contact>', 'id, name or email')
    .description('a contact with recent interactions, notes and open follow-ups')
    .option('--interactions <n>', 'how many recent interactions to show', integer, 10)
    .addHelpText('after', `\nExamples:\n  $ rapport contacts show "Ada Lovelace"\n  $ rapport contacts show 01890a5d-ac96-774b-bcce-b302099a8057 --json`)
    .action(async (ref: string, opts: { interactions: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const { services } = ctx;
        const contact = await resolveContact(services, actor, ref);
        const limit = Math.min(Math.max(opts.interactions, 1), 200);
        const [interactions, notes, followUps] = await Promise.all([
          services.interactions.listForContact(actor, contact.id, { limit }),
          services.notes.list(actor, contact.id, { limit: 200 }),
          services.followUps.list(actor, { status: 'open', contactId: contact.id, limit: 200 }),
        ]);
        if (ctx.json) return printJson({ contact, interactions: interactions.items, notes: notes.items, followUps: followUps.items });
        printContact(contact, actor.timezone);
        heading('Recent interactions');
        if (interactions.items.length === 0) printLine(`None yet. Log one with: rapport log "${contact.name}" --kind call --summary "Caught up"`);
        else
          printTable(
            ['When', 'Kind', 'Summary'],
            interactions.items.map((i) => [formatInstant(i.occurredAt, actor.timezone), humanKind(i.kind), truncate(i.summary, 70)]),
          );
        heading('Notes');
        if (notes.items.length === 0) printLine('No notes.');
        // Pinned notes first: they hold what matters before the next conversation.
        for (const note of [...notes.items].sort((a, b) => Number(b.pinned) - Number(a.pinned))) {
          printLine(`${note.pinned ? color.yellow('📌 ') : ''}${color.dim(formatInstant(note.createdAt, actor.timezone))}`);
          printLine(note.body.replace(/^/gm, '  '));
        }
        heading('Open follow-ups');
        if (followUps.items.length === 0) printLine(`None. Add one with: rapport followups add "${contact.name}" --due tomorrow --reason "..."`);
        else printTable(['Due', 'Reason', 'ID'], followUps.items.map((f) => [f.dueOn, f.reason, color.dim(f.id)]));
      }),
    );

  addContactOptions(contacts.command('edit').argument('<contact>', 'id, name or email').description('change a contact'))
    .option('--name <name>', 'new name')
    .option('--clear <field>', `empty a field: ${clearable.join(', ')} (repeatable)`, collect)
    .option('--star', 'mark as a favourite')
    .option('--unstar', 'remove from favourites')
    .option('--archive', 'archive (hide from lists)')
    .option('--unarchive', 'bring back from the archive')
    .addHelpText(
      'after',
      `\n--email, --phone and --tag add to the existing lists; combine with --clear to replace them.\n\nExamples:\n  $ rapport contacts edit "Ada Lovelace" --title "Lead Mathematician" --tag mentor\n  $ rapport contacts edit ada@example.com --clear tags --tag math --clear birthday`,
    )
    .action(async (ref: string, opts: EditOptions, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const current = await resolveContact(ctx.services, actor, ref);
        const input = parseInput(ContactUpdate, editInput(current, opts), { ...labels, name: '--name' });
        if (Object.keys(input).length === 0) throw new AppError('validation', 'Nothing to change; see: rapport contacts edit --help');
        const contact = await ctx.services.contacts.update(actor, current.id, input);
        if (ctx.json) return printJson(contact);
        printLine(`${color.green('Updated')} ${color.bold(contact.name)} ${color.dim(`(${contact.id})`)}`);
      }),
    );

  contacts
    .command('rm')
    .alias('remove')
    .argument('<contact>', 'id, name or email')
    .description('delete a contact with its notes, follow-ups and the interactions only they took part in')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', `\nExamples:\n  $ rapport contacts rm "Ada Lovelace"\n  $ rapport contacts rm 01890a5d-ac96-774b-bcce-b302099a8057 --yes --json`)
    .action(async (ref: string, opts: { yes?: boolean }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const contact = await resolveContact(ctx.services, actor, ref);
        const ok = await confirm(`Delete ${contact.name} with their notes and follow-ups?`, { yes: opts.yes, flag: '--yes' });
        if (!ok) throw new AppError('validation', 'Cancelled; nothing was deleted');
        await ctx.services.contacts.remove(actor, contact.id);
        if (ctx.json) return printJson({ deleted: true, id: contact.id });
        printLine(`${color.green('Deleted')} ${contact.name}`);
      }),
    );
}

const clearable = ['org', 'title', 'timezone', 'birthday', 'cadence', 'circle', 'how-we-met', 'location', 'emails', 'phones', 'tags'] as const;
const clearAliases: Record<string, (typeof clearable)[number]> = { email: 'emails', phone: 'phones', tag: 'tags', organization: 'org' };

interface EditOptions extends ContactOptions {
  name?: string;
  clear?: string[];
  star?: boolean;
  unstar?: boolean;
  archive?: boolean;
  unarchive?: boolean;
}

/** Builds the PATCH body: set values win over --clear; list options extend the current lists. */
function editInput(current: ContactDto, opts: EditOptions): Record<string, unknown> {
  const clear = new Set<string>();
  for (const raw of (opts.clear ?? []).flatMap((v) => v.split(','))) {
    const field = clearAliases[raw.trim()] ?? raw.trim();
    if (!(clearable as readonly string[]).includes(field))
      throw new AppError('validation', `--clear ${raw}: not a field that can be emptied; use one of ${clearable.join(', ')}`);
    clear.add(field);
  }
  if ((opts.star && opts.unstar) || (opts.archive && opts.unarchive)) throw new AppError('validation', 'Choose one of --star/--unstar and one of --archive/--unarchive');
  const scalars: [keyof ContactOptions, string, string][] = [
    ['org', 'org', 'organization'],
    ['title', 'title', 'title'],
    ['timezone', 'timezone', 'timezone'],
    ['birthday', 'birthday', 'birthday'],
    ['cadence', 'cadence', 'cadenceDays'],
    ['circle', 'circle', 'circle'],
    ['howWeMet', 'how-we-met', 'howWeMet'],
    ['location', 'location', 'location'],
  ];
  const input: Record<string, unknown> = {};
  if (opts.name !== undefined) input.name = opts.name;
  for (const [option, clearName, field] of scalars) {
    if (opts[option] !== undefined) input[field] = opts[option];
    else if (clear.has(clearName)) input[field] = null;
  }
  const lists: [keyof ContactOptions, string, 'emails' | 'phones' | 'tags'][] = [
    ['email', 'emails', 'emails'],
    ['phone', 'phones', 'phones'],
    ['tag', 'tags', 'tags'],
  ];
  for (const [option, clearName, field] of lists) {
    const added = opts[option] as string[] | undefined;
    if (!added && !clear.has(clearName)) continue;
    input[field] = [...(clear.has(clearName) ? [] : current[field]), ...(added ?? [])];
  }
  if (opts.star || opts.unstar) input.starred = Boolean(opts.star);
  if (opts.archive || opts.unarchive) input.archived = Boolean(opts.archive);
  return input;
}
