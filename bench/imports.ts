/**
 * Import scenarios (issue 6): a 30,000-row LinkedIn Connections.csv into the loaded account (half the
 * rows are people it already has, so dedupe and merging are part of the time), a 10,000-card vCard
 * file, and the peak RSS of a separate process importing a 50 MB vCard file (photos included, as
 * phone exports have them). Each import is undone afterwards so that other scenarios see the same data.
 * Every import runs in a child process (bench/import-worker.ts) that opens the database as `rapport serve` does.
 */
import { fork } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioData } from './generate';
import type { ImportWorkerMessage } from './import-worker';
import { importWorkerBundle } from './server-bundle';

export const importTargets = {
  import_linkedin: { metric: 'seconds', max: 3 },
  import_vcard: { metric: 'seconds', max: 3 },
  import_rss: { metric: 'peak_rss_mb', max: 300 },
} as const;

const csvCell = (v: string | null | undefined) => (v && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : (v ?? ''));
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

async function writeLines(path: string, lines: Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await new Promise((r) => out.once('drain', r));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return statSync(path).size;
}

/** LinkedIn's export: the Notes preamble, then rows; the first half are the account's own contacts. */
function* linkedinLines(data: ScenarioData, rows: number): Generator<string> {
  yield 'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n\r\n';
  yield 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n';
  const known = Math.min(Math.floor(rows / 2), data.contacts.length);
  for (let i = 0; i < rows; i++) {
    const date = `${1 + (i % 28)} ${months[i % 12]} ${2015 + (i % 10)}`;
    if (i < known) {
      const c = data.contacts[i]!;
      const org = c.organization === null ? '' : data.organizations[c.organization]!.name;
      yield `${[c.givenName, c.familyName, `https://www.linkedin.com/in/bench-known-${i}`, c.emails[0] ?? '', org, c.title ?? '', date].map(csvCell).join(',')}\r\n`;
    } else {
      yield `${[`New${i}`, `Person${i}`, `https://www.linkedin.com/in/bench-new-${i}`, i % 3 === 0 ? '' : `new${i}@linkedin-bench.example`, `Company ${i % 700}`, 'Engineer', date].map(csvCell).join(',')}\r\n`;
    }
  }
}

const photoLine = 'A'.repeat(74);
function* vcardLines(cards: number, photoBytes: number, prefix: string): Generator<string> {
  for (let i = 0; i < cards; i++) {
    yield `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${prefix} Card ${i}\r\nN:Card ${i};${prefix};;;\r\nORG:Vendor ${i % 500};Sales\r\nTITLE:Account manager\r\n`;
    yield `item1.EMAIL;type=INTERNET:${prefix.toLowerCase()}${i}@vcard-bench.example\r\nitem1.X-ABLabel:_$!<Work>!$_\r\nTEL;type=CELL:+1 415 555 ${String(i % 10000).padStart(4, '0')}\r\n`;
    yield `BDAY:--${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}\r\nNOTE:Met at the ${i % 50}th meetup\\, talked about imports.\r\n`;
    if (photoBytes > 0) {
      yield 'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQEASABIAAD\r\n';
      for (let b = 0; b < photoBytes; b += 75) yield ` ${photoLine}\r\n`;
    }
    yield 'END:VCARD\r\n';
  }
}

export interface ImportBenchContext {
  services: import('../src/server/services').Services;
  actor: import('../src/server/platform/context').Actor;
  data: ScenarioData;
  dialect: string;
  serverEnv: Record<string, string>;
  log: (message: string) => void;
  round: (n: number, digits?: number) => number;
}

type Result = Record<string, unknown> & { scenario: string; db: string; target: string | null; ok: boolean | null };

/**
 * Runs bench/import-worker.ts on `path` in a separate process that opens the database as `rapport serve` does
 * (with `undo`, the worker undoes the import too and times it).
 */
async function runWorker(ctx: ImportBenchContext, path: string, undo: boolean): Promise<ImportWorkerMessage> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...ctx.serverEnv, LOG_LEVEL: 'silent' };
  if (!ctx.serverEnv.DATABASE_URL) delete env.DATABASE_URL;
  // Plain JavaScript (bench/server-bundle.ts), as `rapport import` runs; tsx if bundling fails.
  const bundle = await importWorkerBundle(ctx.log);
  const child = fork(bundle ?? new URL('./import-worker.ts', import.meta.url), [path, ctx.actor.email, ...(undo ? ['undo'] : [])], {
    execArgv: bundle ? [] : ['--import', 'tsx'],
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const message = await new Promise<ImportWorkerMessage | { error: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`import worker exited with code ${code}`)));
  });
  if ('error' in message) throw new Error(message.error);
  return message;
}

/**
 * The import and its undo run in a child process, as the server or `rapport import` runs them: its CPU time,
 * garbage collections and peak memory are an importing process's own, not the bench's (which also held the
 * generated reference data, over 1 GB of heap, until bench/run.ts came to let it go before the scenarios).
 * `seconds` and `cpu_seconds` are taken in the child around `importFile` alone (its start-up, the app's
 * loading, is not counted).
 */
async function timedImport(ctx: ImportBenchContext, scenario: 'import_linkedin' | 'import_vcard', name: string, lines: Iterable<string>): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-import-'));
  try {
    const path = join(dir, name);
    const bytes = await writeLines(path, lines);
    const m = await runWorker(ctx, path, true);
    const seconds = ctx.round(m.seconds, 2);
    const target = importTargets[scenario];
    return {
      scenario,
      db: ctx.dialect,
      n: 1,
      seconds,
      // CPU time of the importing process: on a busy machine, wall time far above it says others had the cores.
      cpu_seconds: ctx.round(m.cpuSeconds, 2),
      ...(m.mainThreadCpuSeconds !== undefined && { main_thread_cpu_seconds: ctx.round(m.mainThreadCpuSeconds, 2) }),
      rows: m.rows,
      new: m.new,
      merged: m.merged,
      unchanged: m.unchanged,
      skipped: m.skipped,
      failed: m.failed,
      mb: ctx.round(bytes / 2 ** 20, 1),
      undo_seconds: ctx.round(m.undoSeconds!, 2),
      // Closing the database after the import and its undo: the WAL checkpoint still to do (SQLite).
      close_seconds: ctx.round(m.closeSeconds, 2),
      target: ctx.dialect === 'sqlite' ? `seconds<=${target.max}` : null,
      ok: ctx.dialect === 'sqlite' ? seconds <= target.max : null,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const importLinkedin = (ctx: ImportBenchContext) => timedImport(ctx, 'import_linkedin', 'Connections.csv', linkedinLines(ctx.data, 30_000));
export const importVcard = (ctx: ImportBenchContext) => timedImport(ctx, 'import_vcard', 'contacts.vcf', vcardLines(10_000, 0, 'Vcard'));

/** A separate process imports a 50 MB vCard file (5,000 cards with 9.4 KB photos); its peak RSS is the figure. */
export async function importRss(ctx: ImportBenchContext): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-import-'));
  try {
    const path = join(dir, 'big.vcf');
    const bytes = await writeLines(path, vcardLines(5_000, 9_400, 'Big'));
    const message = await runWorker(ctx, path, false);
    await ctx.services.imports.undo(ctx.actor, message.id);
    const target = importTargets.import_rss;
    return {
      scenario: 'import_rss',
      db: ctx.dialect,
      n: 1,
      mb: ctx.round(bytes / 2 ** 20, 1),
      rows: message.rows,
      new: message.new,
      seconds: ctx.round(message.seconds, 2),
      peak_rss_mb: ctx.round(message.peakRssMb, 1),
      rss_before_import_mb: ctx.round(message.baselineRssMb, 1),
      target: `peak_rss_mb<=${target.max}`,
      ok: message.peakRssMb <= target.max,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
