import { Option, type Command } from 'commander';
import { SearchQuery, searchTypes } from '../../contracts/search';
import { parseInput, withActor } from '../context';
import { integer } from '../options';
import { color, printJson, printLine, printTable, truncate } from '../output';

export function registerSearch(program: Command): void {
  program
    .command('search')
    .argument('<query...>', 'words to look for (names, organizations, emails, tags, notes, interaction summaries)')
    .description('search contacts and interactions (typo tolerant)')
    .addOption(new Option('--type <type>', 'only this kind of result').choices(searchTypes))
    .option('--limit <n>', 'how many results', integer, 20)
    .addHelpText('after', `\nExamples:\n  $ rapport search lovelace\n  $ rapport search "design systems" --type interaction --json`)
    .action(async (words: string[], opts: { type?: string; limit: number }, command: Command) => {
      const query = words.join(' ');
      const input = parseInput(SearchQuery, { q: query, type: opts.type, limit: opts.limit }, { q: 'QUERY', type: '--type', limit: '--limit' });
      return withActor(command, async (ctx, actor) => {
        const result = await ctx.services.search.search(actor, input);
        if (ctx.json) return printJson(result);
        if (result.items.length === 0) return printLine(`Nothing matches "${query}". Try fewer or shorter words, or browse with: rapport contacts list`);
        printTable(
          ['Type', 'Title', 'Match', 'Contact ID'],
          result.items.map((hit) => [hit.type, truncate(hit.title, 40), truncate(hit.snippet, 60), color.dim(hit.contactId ?? '')]),
        );
      });
    });
}
