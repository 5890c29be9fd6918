/**
 * Child process of the import_rss scenario: opens the bench database as the CLI would, imports one
 * file for the bench owner, and reports its own peak RSS (the whole process: Node, the app, the import).
 */
import { readFileSync } from 'node:fs';
import { openDatabase } from '../src/server/db/database';
import { loadConfig } from '../src/server/config';
import { createServices } from '../src/server/services';
import { toActor } from '../src/server/domains/account/account.service';

const [path, email] = process.argv.slice(2) as [string, string];

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
  const services = await createServices({ database, config });
  const user = await services.account.findUser(email);
  if (!user) throw new Error(`no user ${email}`);
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  const result = await services.imports.importFile(toActor(user, 'cli'), path, {}, 'big.vcf');
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = peakRss();
  await database.close();
  process.send!({ id: result.id, rows: result.rows, new: result.new, seconds, peakRssMb, baselineRssMb });
} catch (error) {
  process.send!({ error: (error as Error).stack ?? String(error) });
}
process.disconnect?.();
