/**
 * Child process of the import scenarios: opens the bench database as `rapport serve` does (WAL
 * checkpoints on their own thread: an import through the web app or the API answers once its
 * transaction commits), imports one file for the bench owner (timing `importFile` from start to end:
 * wall, CPU of the process and of its main thread), and reports its own peak RSS (the whole process:
 * Node, the app, the import). With `undo` it then undoes the import itself and times that too. Closing
 * the database is timed apart (`closeSeconds`): it waits for the checkpoint thread and checkpoints
 * what is left, which `rapport import` on the command line pays before it exits.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openDatabase } from '../src/server/db/database';
import { loadConfig } from '../src/server/config';
import { createServices } from '../src/server/services';
import { toActor } from '../src/server/domains/account/account.service';
import { mainThreadCpuSeconds } from './cpu-time';

const [path, email, mode] = process.argv.slice(2) as [string, string, string | undefined];

/** What the worker sends its parent. */
export interface ImportWorkerMessage {
  id: string;
  rows: number;
  new: number;
  merged: number;
  unchanged: number;
  skipped: number;
  failed: number;
  seconds: number;
  cpuSeconds: number;
  /** Undefined where /proc cannot say. */
  mainThreadCpuSeconds?: number;
  peakRssMb: number;
  baselineRssMb: number;
  /** With `undo` only. */
  undoSeconds?: number;
  closeSeconds: number;
}

/**
 * This process's own peak RSS in MB. Linux's getrusage maxRSS (process.resourceUsage) carries over
 * fork and exec: a child forked by a bench holding 440 MB reports at least 440 MB before it has done
 * anything. VmHWM is the high-water mark of this process's own memory since exec.
 */
function peakRss(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024; // kilobytes
}

try {
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  database.checkpointInBackground?.();
  const services = await createServices({ database, config });
  const user = await services.account.findUser(email);
  if (!user) throw new Error(`no user ${email}`);
  const actor = toActor(user, 'cli');
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const mainBefore = mainThreadCpuSeconds();
  const result = await services.imports.importFile(actor, path, {}, basename(path));
  const seconds = (performance.now() - started) / 1000;
  const { user: userCpu, system } = process.cpuUsage(cpu);
  const mainAfter = mainThreadCpuSeconds();
  const peakRssMb = peakRss();
  let undoSeconds: number | undefined;
  if (mode === 'undo') {
    const undoStarted = performance.now();
    await services.imports.undo(actor, result.id);
    undoSeconds = (performance.now() - undoStarted) / 1000;
  }
  const closeStarted = performance.now();
  await database.close();
  const closeSeconds = (performance.now() - closeStarted) / 1000;
  const message: ImportWorkerMessage = {
    id: result.id,
    rows: result.rows,
    new: result.new,
    merged: result.merged,
    unchanged: result.unchanged,
    skipped: result.skipped,
    failed: result.failed,
    seconds,
    cpuSeconds: (userCpu + system) / 1e6,
    ...(mainBefore !== undefined && mainAfter !== undefined && { mainThreadCpuSeconds: mainAfter - mainBefore }),
    peakRssMb,
    baselineRssMb,
    ...(undoSeconds !== undefined && { undoSeconds }),
    closeSeconds,
  };
  process.send!(message);
} catch (error) {
  process.send!({ error: (error as Error).stack ?? String(error) });
}
process.disconnect?.();
