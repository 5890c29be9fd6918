/**
 * Child process of the import_rss scenario: opens the bench database as the CLI would, imports one
 * file for the bench owner, and reports its own peak RSS (the whole process: Node, the app, the import).
 */
import { openDatabase } from '../src/server/db/database';
import { loadConfig } from '../src/server/config';
import { createServices } from '../src/server/services';
import { toActor } from '../src/server/domains/account/account.service';

const [path, email] = process.argv.slice(2) as [string, string];
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
  // maxRSS is in kilobytes.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await database.close();
  process.send!({ id: result.id, rows: result.rows, new: result.new, seconds, peakRssMb, baselineRssMb });
} catch (error) {
  process.send!({ error: (error as Error).stack ?? String(error) });
}
process.disconnect?.();
