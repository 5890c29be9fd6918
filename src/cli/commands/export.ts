import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { exportFormats, vcardVersions, type VCardVersionInput } from '../../contracts/exports';
import { AppError } from '../../server/platform/errors';
import { withActor } from '../context';
import { color, printJson, printLine, printNotice } from '../output';

/** Writes the chunks to stdout, waiting when the reader is slower (a pipe to less, gzip). */
async function toStdout(chunks: AsyncIterable<string>): Promise<number> {
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }
  return bytes;
}

/** Writes the chunks to a file; a failure leaves no half-written file behind. */
async function toFile(chunks: AsyncIterable<string>, file: string): Promise<number> {
  let bytes = 0;
  const counted = (async function* () {
    for await (const chunk of chunks) {
      bytes += Buffer.byteLength(chunk);
      yield chunk;
    }
  })();
  try {
    await pipeline(Readable.from(counted), createWriteStream(file));
  } catch (error) {
    await rm(file, { force: true });
    if ((error as NodeJS.ErrnoException).code) throw new AppError('validation', `Cannot write ${file}: ${(error as Error).message}`);
    throw error;
  }
  return bytes;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export contacts (vCard, CSV), follow-ups (iCalendar) or a full backup (JSON)')
    .addOption(new Option('--format <format>', 'vcard, csv, json (a full backup for rapport restore) or ics').choices(exportFormats).makeOptionMandatory())
    .addOption(new Option('--vcard-version <version>', 'vCard version').choices(vcardVersions).default('4.0'))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rapport export --format vcard -o contacts.vcf\n  $ rapport export --format vcard --vcard-version 3.0 > contacts.vcf\n  $ rapport export --format csv -o contacts.csv\n  $ rapport export --format json -o rapport-backup.json   # restore with: rapport restore rapport-backup.json\n  $ rapport export --format ics -o follow-ups.ics`,
    )
    .action(async (opts: { format: (typeof exportFormats)[number]; vcardVersion: VCardVersionInput; output?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const { exports, backup } = ctx.services;
        const chunks =
          opts.format === 'vcard'
            ? exports.vcard(actor, opts.vcardVersion)
            : opts.format === 'csv'
              ? exports.csv(actor)
              : opts.format === 'ics'
                ? exports.calendar(actor)
                : backup.backup(actor);
        if (!opts.output) {
          await toStdout(chunks);
          return;
        }
        const bytes = await toFile(chunks, opts.output);
        if (ctx.json) return printJson({ format: opts.format, file: opts.output, bytes });
        printNotice(`${color.green('Exported')} ${opts.format} to ${opts.output} (${bytes.toLocaleString('en')} bytes)`);
      }),
    );

  program
    .command('restore')
    .argument('<file>', 'a backup made with rapport export --format json (or downloaded from Settings)')
    .description('restore a backup into an empty account (all or nothing)')
    .addHelpText('after', `\nExamples:\n  $ rapport restore rapport-backup.json\n  $ rapport restore rapport-backup.json --user new@example.com --json`)
    .action(async (file: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          throw new AppError('not_found', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
        } catch {
          throw new AppError('validation', `The backup is corrupt: ${file} is not valid JSON; nothing was changed`);
        }
        const result = await ctx.services.backup.restore(actor, parsed);
        if (ctx.json) return printJson(result);
        const total = Object.values(result.restored).reduce((s, n) => s + n, 0);
        printLine(`${color.green('Restored')} ${total.toLocaleString('en')} rows into ${actor.email}: ${result.restored.contact ?? 0} contacts, ${result.restored.interaction ?? 0} interactions`);
        if (!result.idsKept) printLine(color.dim('The backup’s ids were taken in this database, so the rows got new ids.'));
      }),
    );
}
