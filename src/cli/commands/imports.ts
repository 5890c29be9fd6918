import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { importFormats, ImportOptions, type ImportDto, type ImportSummaryDto } from '../../contracts/imports';
import { AppError } from '../../server/platform/errors';
import { isId } from '../../server/platform/ids';
import { parseInput, withActor } from '../context';
import { integer } from '../options';
import { color, printJson, printLine, printNotice, printTable } from '../output';

const labels = { format: '--format', map: '--map', from: '--from', to: '--to' };

function checkId(id: string): string {
  if (!isId(id.trim())) throw new AppError('validation', `"${id}" is not an import id; see ids with: rapport imports`);
  return id.trim().toLowerCase();
}

/** The one JSON object `rapport import --json` prints. */
export const importJson = (format: string, s: ImportSummaryDto) => ({
  format,
  new: s.new,
  merged: s.merged,
  unchanged: s.unchanged,
  skipped: s.skipped,
  failed: s.failed,
  problems: s.problems.map((p) => ({ line: p.line, reason: p.outcome === 'warning' ? `warning: ${p.reason}` : p.reason })),
});

function printSummary(format: string, s: ImportSummaryDto, dryRun: boolean) {
  printLine(`${color.bold(format)} (${s.encoding}): ${s.rows} rows read`);
  printLine(
    `  ${color.green(`${s.new} new`)}, ${s.merged} merged into existing contacts, ${s.unchanged} unchanged, ${s.skipped ? color.yellow(`${s.skipped} skipped`) : '0 skipped'}, ${s.failed ? color.red(`${s.failed} failed`) : '0 failed'}${dryRun ? ' (dry run: nothing was written)' : ''}`,
  );
  if (s.problems.length) printTable(['line', 'problem'], s.problems.slice(0, 50).map((p) => [p.line, `${p.outcome}: ${p.reason}`]));
  if (s.problems.length > 50 || s.problemsTruncated) printLine(color.dim(`…and more problems; see them all with --json`));
}

export function registerImports(program: Command): void {
  program
    .command('import')
    .description('import contacts from a LinkedIn, Google or Outlook CSV, any CSV, vCard, or past meetings from iCalendar')
    .argument('<file>', 'the file (up to 50 MB); its format and encoding are detected')
    .addOption(new Option('--format <format>', 'what the file is, when detection is wrong').choices(importFormats))
    .option('--map <columns>', 'CSV columns to fields, e.g. "Full Name=name,Mail=email,Firm=organization"')
    .option('--dry-run', 'only show what would happen (new, merged, unchanged, skipped, failed)')
    .option('--from <instant>', 'iCalendar: meetings from this ISO date-time (default: a year ago)')
    .option('--to <instant>', 'iCalendar: meetings until this ISO date-time (default: now)')
    .option('--create-contacts', 'iCalendar: make contacts of attendees you do not have yet')
    .addHelpText(
      'after',
      `\nFields for --map: name, givenName, familyName, email, phone, organization, title, location, birthday, note, tags, linkedin, website, howWeMet, ignore.\nExamples:\n  $ rapport import Connections.csv --dry-run\n  $ rapport import contacts.vcf\n  $ rapport import people.csv --map "Full Name=name,E-mail=email"\n  $ rapport import calendar.ics --from 2026-01-01T00:00:00Z --create-contacts\n  $ rapport imports undo ID`,
    )
    .action(async (file: string, opts: { format?: string; map?: string; dryRun?: boolean; from?: string; to?: string; createContacts?: boolean }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const path = resolve(file);
        if (!existsSync(path) || !statSync(path).isFile()) throw new AppError('not_found', `No file at ${file}`);
        const options = parseInput(ImportOptions, { format: opts.format, from: opts.from, to: opts.to, createContacts: opts.createContacts }, labels);
        const withMap = { ...options, ...(opts.map !== undefined && { map: (await import('../../server/domains/imports/csv-generic')).parseColumnMap(opts.map) }) };
        const { imports } = ctx.services;
        if (opts.dryRun) {
          const { format, summary } = await imports.preview(actor, (await import('../../server/domains/imports/imports.service')).fileSource(path), withMap);
          if (ctx.json) return printJson(importJson(format, summary));
          printSummary(format, summary, true);
          return printNotice(`Nothing was changed. Import it with: rapport import ${file}${opts.map ? ` --map "${opts.map}"` : ''}`);
        }
        const result = await imports.importFile(actor, path, withMap, basename(path));
        if (ctx.json) return printJson(importJson(result.format, result));
        printSummary(result.format, result, false);
        printNotice(`Undo it with: rapport imports undo ${result.id}`);
      }),
    );

  const history = program
    .command('imports')
    .description('list past imports, or undo one')
    .option('--limit <n>', 'how many to show', integer, 20)
    .action(async (opts: { limit: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const page = await ctx.services.imports.list(actor, { limit: Math.min(200, opts.limit) });
        if (ctx.json) return printJson(page);
        if (page.items.length === 0) return printLine('No imports yet. Import contacts with: rapport import FILE');
        printTable(
          ['id', 'when', 'file', 'format', 'new', 'merged', 'skipped', 'failed', 'status'],
          page.items.map((i: ImportDto) => [i.id, i.appliedAt?.slice(0, 16).replace('T', ' '), i.fileName, i.format, i.new, i.merged, i.skipped, i.failed, i.status]),
        );
      }),
    );
  history
    .command('undo')
    .description('undo an import: remove what it created, take back what it changed in the contacts it merged into')
    .argument('<id>', 'the import id (see: rapport imports)')
    .action(async (id: string, _opts: unknown, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const result = await ctx.services.imports.undo(actor, checkId(id));
        if (ctx.json) return printJson(result);
        printLine(`Undone: ${result.new} created contacts or meetings removed, ${result.merged} merged contacts restored.`);
      }),
    );
}
