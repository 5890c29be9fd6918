import { Option, type Command } from 'commander';
import { BookingSettingsUpdate } from '../../contracts/booking';
import { ChatCreate, chatKinds, ChatListQuery, chatOutcomes, chatPurposes, chatStatuses, ChatUpdate } from '../../contracts/chats';
import { AppError } from '../../server/platform/errors';
import { isId } from '../../server/platform/ids';
import { parseInput, withActor } from '../context';
import { collect, integer, parseWhen } from '../options';
import { color, formatInstant, heading, printFields, printJson, printLine, printTable, truncate } from '../output';
import { resolveContact } from '../resolve';

const labels = { contactId: 'CONTACT', name: 'CONTACT', topic: '--topic', kind: '--kind', purpose: '--purpose', status: 'STATUS', scheduledAt: '--at', durationMinutes: '--duration', notes: '--notes', outcome: '--outcome', outcomeNotes: '--outcome-notes' };
const statusColor: Record<string, (s: string) => string> = { idea: color.dim, requested: color.yellow, scheduled: color.blue, held: color.green, thanked: color.green, outcome: color.bold };

function checkId(id: string): string {
  if (!isId(id.trim())) throw new AppError('validation', `"${id}" is not a chat id; see ids with: rapport chats`);
  return id.trim().toLowerCase();
}

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** "tue 09:00-12:00" -> {weekday: 2, start, end}. */
export function parseWindow(text: string): { weekday: number; start: string; end: string } {
  const m = /^\s*([a-z]{3})[a-z]*\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/i.exec(text);
  const weekday = m ? days.indexOf(m[1]!.toLowerCase()) + 1 : 0;
  if (!m || weekday === 0) throw new AppError('validation', `--window "${text}" must look like "tue 09:00-12:00" (mon … sun, 24 h times in your booking time zone)`);
  const pad = (t: string) => t.padStart(5, '0');
  return { weekday, start: pad(m[2]!), end: pad(m[3]!) };
}

export function registerChats(program: Command): void {
  const chats = program
    .command('chats')
    .alias('chat')
    .description('coffee chats and informational interviews: the pipeline from idea to outcome')
    .addOption(new Option('--status <status>', 'only this stage').choices(chatStatuses))
    .option('--limit <n>', 'how many to show', integer, 50)
    .addHelpText('after', `\nExamples:\n  $ rapport chats\n  $ rapport chats add "Grace Hopper" --topic "Moving into DevRel" --kind informational_interview\n  $ rapport chats move 01890a5d-ac96-774b-bcce-b302099a8057 held\n  $ rapport booking set --enable --window "tue 09:00-12:00" --window "thu 14:00-17:00"`)
    .action(async (opts: { status?: string; limit: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const page = await ctx.services.chats.list(actor, parseInput(ChatListQuery, { status: opts.status, limit: opts.limit }, labels));
        if (ctx.json) return printJson(page);
        if (!page.items.length)
          return printLine(
            'No chats yet. Think of someone whose work you admire and note the idea; Rapport keeps it moving from request to thank-you:\n  rapport chats add "Ada Lovelace" --topic "How she got into engines"',
          );
        printTable(
          ['Stage', 'When', 'With', 'Topic', 'ID'],
          page.items.map((c) => [statusColor[c.status]!(c.outcome ? `${c.status}: ${c.outcome}` : c.status), c.scheduledAt ? formatInstant(c.scheduledAt, actor.timezone) : '', c.contactName, truncate(c.topic, 40), color.dim(c.id)]),
        );
      }),
    );

  chats
    .command('add')
    .argument('<contact>', 'id, name or email of a contact (with --new: the name of a new one)')
    .description('add a coffee chat or informational interview')
    .requiredOption('--topic <text>', 'what you want to talk about')
    .addOption(new Option('--kind <kind>', 'what kind of chat').choices(chatKinds).default('coffee_chat'))
    .addOption(new Option('--purpose <purpose>', 'what you want to learn').choices(chatPurposes))
    .option('--at <when>', 'when it takes place (makes it scheduled): 2026-06-01T15:00, in your time zone')
    .option('--duration <minutes>', 'how long', integer)
    .addOption(new Option('--status <status>', 'where it starts').choices(['idea', 'requested', 'scheduled']))
    .option('--new', 'CONTACT is a new person: add them to your contacts')
    .option('--email <email>', 'with --new: their email')
    .addHelpText('after', `\nExamples:\n  $ rapport chats add "Grace Hopper" --topic "Moving into DevRel" --purpose career_path\n  $ rapport chats add "Linus Example" --new --email linus@example.com --topic "Kernel careers" --at 2026-06-02T16:00 --json`)
    .action(async (ref: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        // --status is also the list's filter: commander hands it to whichever command declares it first.
        const opts = command.optsWithGlobals<{ topic: string; kind: string; purpose?: string; at?: string; duration?: number; status?: string; new?: boolean; email?: string }>();
        const who = opts.new ? { name: ref, email: opts.email } : { contactId: (await resolveContact(ctx.services, actor, ref)).id };
        const scheduledAt = opts.at ? parseWhen(opts.at, actor.timezone, ctx.services.deps.clock.now()) : undefined;
        const input = parseInput(
          ChatCreate,
          { ...who, topic: opts.topic, kind: opts.kind, purpose: opts.purpose, scheduledAt, durationMinutes: opts.duration, status: opts.status ?? (scheduledAt ? 'scheduled' : undefined) },
          labels,
        );
        const chat = await ctx.services.chats.create(actor, input);
        if (ctx.json) return printJson(chat);
        printLine(`${color.green('Added')} ${chat.kind === 'coffee_chat' ? 'coffee chat' : 'informational interview'} with ${color.bold(chat.contactName)} (${chat.status}) ${color.dim(`(${chat.id})`)}`);
      }),
    );

  chats
    .command('show')
    .argument('<id>', 'chat id')
    .description('the prep sheet: who they are, shared history, your questions and notes')
    .addHelpText('after', `\nExample:\n  $ rapport chats show 01890a5d-ac96-774b-bcce-b302099a8057`)
    .action(async (id: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const prep = await ctx.services.chats.prep(actor, checkId(id));
        if (ctx.json) return printJson(prep);
        const { chat, contact, history } = prep;
        heading(`${chat.topic} — ${contact.name}`);
        printFields([
          ['Stage', chat.outcome ? `${chat.status}: ${chat.outcome}` : chat.status],
          ['When', chat.scheduledAt && `${formatInstant(chat.scheduledAt, actor.timezone)}${chat.durationMinutes ? ` (${chat.durationMinutes} min)` : ''}`],
          ['Who', [contact.title, contact.organization].filter(Boolean).join(', ') || contact.headline],
          ['Location', contact.location],
          ['How you met', contact.howWeMet],
          ['Thank-you', chat.thankYouFollowUp && (chat.thankYouFollowUp.done ? 'sent' : `due ${chat.thankYouFollowUp.dueOn}`)],
        ]);
        if (history.interactions.length) {
          heading('Shared history');
          for (const i of history.interactions) printLine(`  ${formatInstant(i.occurredAt, actor.timezone)}  ${i.summary}`);
          for (const e of history.events) printLine(`  ${e.startsOn}  met at ${e.name}${e.context ? `: ${e.context}` : ''}`);
        }
        heading('Questions');
        if (!chat.questions.length) printLine(color.dim('  None picked yet: pick them on the chat page of the web app (GET /api/v1/chat-questions lists your bank).'));
        chat.questions.forEach((q, n) => printLine(`  ${n + 1}. ${q.text}${q.answer ? `\n     ${color.dim(q.answer)}` : ''}`));
        if (chat.notes) {
          heading('Notes');
          printLine(chat.notes);
        }
      }),
    );

  chats
    .command('move')
    .argument('<id>', 'chat id')
    .argument('<status>', `one of ${chatStatuses.join(', ')}`)
    .description('move a chat along the pipeline (held logs it and adds a thank-you follow-up)')
    .option('--at <when>', 'the time, when scheduling it')
    .addOption(new Option('--outcome <outcome>', 'what it led to (moves it to outcome)').choices(chatOutcomes))
    .option('--notes <text>', 'your notes from the chat')
    .addHelpText('after', `\nExamples:\n  $ rapport chats move 01890a5d-ac96-774b-bcce-b302099a8057 scheduled --at "2026-06-02T16:00"\n  $ rapport chats move 01890a5d-ac96-774b-bcce-b302099a8057 held --notes "Start a blog"\n  $ rapport chats move 01890a5d-ac96-774b-bcce-b302099a8057 outcome --outcome referral`)
    .action(async (id: string, status: string, opts: { at?: string; outcome?: string; notes?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const scheduledAt = opts.at ? parseWhen(opts.at, actor.timezone, ctx.services.deps.clock.now()) : undefined;
        const input = parseInput(ChatUpdate, { status, scheduledAt, outcome: opts.outcome, notes: opts.notes }, labels);
        const chat = await ctx.services.chats.update(actor, checkId(id), input);
        if (ctx.json) return printJson(chat);
        printLine(`${chat.contactName}: ${statusColor[chat.status]!(chat.status)}${chat.outcome ? ` (${chat.outcome})` : ''}`);
        if (chat.thankYouFollowUp && !chat.thankYouFollowUp.done) printLine(color.dim(`Thank-you follow-up due ${chat.thankYouFollowUp.dueOn}`));
      }),
    );

  chats
    .command('rm')
    .alias('remove')
    .argument('<id>', 'chat id')
    .description('delete a chat')
    .addHelpText('after', `\nExample:\n  $ rapport chats rm 01890a5d-ac96-774b-bcce-b302099a8057`)
    .action(async (id: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const chatId = checkId(id);
        await ctx.services.chats.remove(actor, chatId);
        if (ctx.json) return printJson({ deleted: true, id: chatId });
        printLine(`${color.green('Deleted')} chat ${chatId}`);
      }),
    );

  const booking = program
    .command('booking')
    .description('your public booking page (/book/SLUG), off until you enable it')
    .addHelpText('after', `\nExamples:\n  $ rapport booking\n  $ rapport booking set --enable --window "tue 09:00-12:00" --window "thu 14:00-17:00" --slot 30 --buffer 15`)
    .action(async (_opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const settings = await ctx.services.booking.settings(actor);
        if (ctx.json) return printJson(settings);
        printBooking(settings, ctx.config.baseUrl);
      }),
    );

  booking
    .command('set')
    .description('change your booking page')
    .option('--enable', 'turn the page on')
    .option('--disable', 'turn the page off')
    .option('--slug <slug>', 'the address: /book/SLUG')
    .option('--title <text>', 'a line shown to visitors')
    .option('--timezone <zone>', 'the time zone of your windows')
    .option('--window <window>', 'weekly availability, e.g. "tue 09:00-12:00" (repeat; replaces all windows)', collect)
    .option('--slot <minutes>', 'length of a chat', integer)
    .option('--buffer <minutes>', 'free time between chats', integer)
    .option('--notice <minutes>', 'minimum notice before a booking', integer)
    .option('--horizon <days>', 'how far ahead visitors may book', integer)
    .addHelpText('after', `\nExample:\n  $ rapport booking set --enable --slug priya --window "tue 09:00-12:00" --notice 1440`)
    .action(async (opts: { enable?: boolean; disable?: boolean; slug?: string; title?: string; timezone?: string; window?: string[]; slot?: number; buffer?: number; notice?: number; horizon?: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        if (opts.enable && opts.disable) throw new AppError('validation', 'Give --enable or --disable, not both');
        const input = parseInput(
          BookingSettingsUpdate,
          {
            enabled: opts.enable ? true : opts.disable ? false : undefined,
            slug: opts.slug,
            title: opts.title,
            timezone: opts.timezone,
            availability: opts.window?.map(parseWindow),
            slotMinutes: opts.slot,
            bufferMinutes: opts.buffer,
            minNoticeMinutes: opts.notice,
            horizonDays: opts.horizon,
          },
          { slug: '--slug', title: '--title', timezone: '--timezone', availability: '--window', slotMinutes: '--slot', bufferMinutes: '--buffer', minNoticeMinutes: '--notice', horizonDays: '--horizon' },
        );
        const settings = await ctx.services.booking.updateSettings(actor, input);
        if (ctx.json) return printJson(settings);
        printBooking(settings, ctx.config.baseUrl);
      }),
    );
}

function printBooking(s: Awaited<ReturnType<import('../../server/services').Services['booking']['settings']>>, baseUrl: string) {
  printFields([
    ['Page', `${new URL(s.path, baseUrl).toString()} ${s.enabled ? color.green('(on)') : color.dim('(off: turn it on with rapport booking set --enable)')}`],
    ['Time zone', s.timezone],
    ['Windows', s.availability.map((w) => `${days[w.weekday - 1]} ${w.start}-${w.end}`).join(', ') || '—'],
    ['Chats', `${s.slotMinutes} min, ${s.bufferMinutes} min apart, at least ${s.minNoticeMinutes} min notice, up to ${s.horizonDays} days ahead`],
  ]);
}

