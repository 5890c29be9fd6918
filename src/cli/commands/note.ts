import type { Command } from 'commander';
import { NoteCreate } from '../../contracts/notes';
import { parseInput, withActor } from '../context';
import { color, printJson, printLine } from '../output';
import { readStdin } from '../prompt';
import { resolveContact } from '../resolve';

export function registerNote(program: Command): void {
  program
    .command('note')
    .argument('<contact>', 'id, name or email')
    .argument('[text...]', 'the note (Markdown); omit it to read the note from stdin')
    .description('add a note to a contact (shown by contacts show, found by search)')
    .option('--pin', 'pin it to the top of the contact')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rapport note "Ada Lovelace" "Prefers calls before lunch, her time" --pin\n  $ rapport note ada@example.com < meeting-notes.md`,
    )
    .action(async (ref: string, words: string[], opts: { pin?: boolean }, command: Command) => {
      const body = words.length ? words.join(' ') : await readStdin('note');
      const input = parseInput(NoteCreate, { body, ...(opts.pin && { pinned: true }) }, { body: 'TEXT' });
      await withActor(command, async (ctx, actor) => {
        const contact = await resolveContact(ctx.services, actor, ref);
        const note = await ctx.services.notes.create(actor, contact.id, input);
        if (ctx.json) return printJson(note);
        printLine(`${color.green('Noted')} on ${color.bold(contact.name)}${note.pinned ? ' (pinned)' : ''} ${color.dim(`(${note.id})`)}`);
      });
    });
}
