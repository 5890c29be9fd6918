import { Option, type Command } from 'commander';
import { InteractionCreate, initiators, interactionKinds } from '../../contracts/interactions';
import { parseInput, withActor } from '../context';
import { integer, parseWhen } from '../options';
import { color, formatInstant, humanKind, printJson, printLine } from '../output';
import { resolveContacts } from '../resolve';

interface LogOptions {
  kind: string;
  summary: string;
  at?: string;
  duration?: number;
  initiatedBy?: string;
  notes?: string;
}

export function registerLog(program: Command): void {
  program
    .command('log')
    .argument('<contacts...>', 'who took part: ids, names or emails (one or more)')
    .description('log an interaction (a call, a coffee chat, a message...) with one or more contacts')
    .addOption(new Option('--kind <kind>', 'what kind of interaction').choices(interactionKinds).makeOptionMandatory())
    .requiredOption('--summary <text>', 'one line about what happened')
    .option('--at <when>', 'when: ISO date-time, YYYY-MM-DD, "yesterday" or "2 days ago" (default: now)')
    .option('--duration <minutes>', 'how long it took, in minutes', integer)
    .addOption(new Option('--initiated-by <who>', 'who reached out').choices(initiators))
    .option('--notes <text>', 'longer notes (Markdown)')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rapport log "Ada Lovelace" --kind coffee_chat --summary "Talked about her new role" --at yesterday\n  $ rapport log ada@example.com "Grace Hopper" --kind video_call --summary "Planned the talk" --duration 45 --initiated-by me`,
    )
    .action(async (refs: string[], opts: LogOptions, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const contacts = await resolveContacts(ctx.services, actor, refs);
        const input = parseInput(
          InteractionCreate,
          {
            contactIds: contacts.map((c) => c.id),
            kind: opts.kind,
            summary: opts.summary,
            occurredAt: parseWhen(opts.at ?? 'now', actor.timezone, ctx.services.deps.clock.now()),
            ...(opts.duration !== undefined && { durationMinutes: opts.duration }),
            ...(opts.initiatedBy !== undefined && { initiatedBy: opts.initiatedBy }),
            ...(opts.notes !== undefined && { notes: opts.notes }),
          },
          { contactIds: 'CONTACT', kind: '--kind', summary: '--summary', occurredAt: '--at', durationMinutes: '--duration', initiatedBy: '--initiated-by', notes: '--notes' },
        );
        const interaction = await ctx.services.interactions.create(actor, input);
        if (ctx.json) return printJson(interaction);
        printLine(
          `${color.green('Logged')} ${humanKind(interaction.kind)} with ${contacts.map((c) => color.bold(c.name)).join(', ')} on ${formatInstant(interaction.occurredAt, actor.timezone)} ${color.dim(`(${interaction.id})`)}`,
        );
      }),
    );
}
