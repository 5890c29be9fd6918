import type { Command } from 'commander';
import { MergeContacts } from '../../contracts/duplicates';
import { parseInput, withActor } from '../context';
import { color, printJson, printLine, printTable } from '../output';
import { resolveContact } from '../resolve';

export function registerDuplicates(program: Command): void {
  program
    .command('duplicates')
    .description('list likely duplicate contacts (same email, phone, profile or name)')
    .addHelpText('after', `\nExamples:\n  $ rapport duplicates\n  $ rapport merge KEEP-ID OTHER-ID`)
    .action(async (_opts: unknown, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const result = await ctx.services.duplicates.find(actor);
        if (ctx.json) return printJson(result);
        if (result.items.length === 0) return printLine('No likely duplicates.');
        for (const group of result.items) {
          printLine(color.bold(group.reasons.join('; ')));
          printTable(
            ['id', 'name', 'organization', 'emails', 'interactions', 'notes'],
            group.contacts.map((c) => [c.id, c.name, c.organization, c.emails.join(', '), c.interactions, c.notes]),
          );
        }
        printLine(color.dim(`Merge a group with: rapport merge ${result.items[0]!.contacts.map((c) => c.id).join(' ')}`));
      }),
    );

  program
    .command('merge')
    .description('merge contacts into the first: keeps every interaction, note, follow-up, tag and profile')
    .argument('<contacts...>', 'two or more contacts (ids, or unambiguous names or emails); the first is kept')
    .action(async (refs: string[], _opts: unknown, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const ids: string[] = [];
        for (const ref of refs) ids.push((await resolveContact(ctx.services, actor, ref)).id);
        const input = parseInput(MergeContacts, { ids }, { ids: 'CONTACT' });
        const keptId = await ctx.services.duplicates.merge(actor, input);
        const kept = await ctx.services.contacts.get(actor, keptId);
        if (ctx.json) return printJson(kept);
        printLine(`Merged ${ids.length - 1} contact${ids.length > 2 ? 's' : ''} into ${kept.name} (${kept.id}).`);
      }),
    );
}
