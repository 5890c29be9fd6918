/**
 * The server side of the http_get_contact scenario, run as a child process of bench/run.ts so that
 * the memory it reports is the server's own.
 *   app       the real application (buildApp) over the database the environment names
 *             (DATABASE_URL, or the SQLite file in RAPPORT_DATA_DIR), as `rapport serve` builds it
 *   baseline  a bare Fastify server with one trivial route: what this machine can do at all
 * Listens on an ephemeral port and tells the parent over IPC; answers 'rss' with its memory use and
 * exits on 'close'.
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';

export type ServerMessage =
  | { type: 'listening'; port: number }
  | { type: 'rss'; rssMb: number; peakRssMb: number; heapUsedMb: number; externalMb: number }
  | { type: 'error'; message: string };
export type ParentMessage = 'rss' | 'close';

function send(message: ServerMessage) {
  process.send!(message);
}

/** Resident set size now and at its peak (VmHWM), from /proc where there is one. */
function memory() {
  const usage = process.memoryUsage();
  const mb = (n: number) => n / 1048576;
  let peakRssMb = mb(usage.rss);
  try {
    const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (peak) peakRssMb = Number(peak[1]) / 1024;
  } catch {
    // no /proc: the current figure stands in for the peak
  }
  return { rssMb: mb(usage.rss), peakRssMb, heapUsedMb: mb(usage.heapUsed), externalMb: mb(usage.external + usage.arrayBuffers) };
}

async function start(mode: string): Promise<FastifyInstance> {
  if (mode === 'baseline') {
    const app = Fastify({ logger: false });
    app.get('/hello', async () => ({ hello: 'world' }));
    return app;
  }
  // Loaded only here, so that the baseline's memory is a bare Fastify server's.
  const [{ buildApp, serverLogger }, { loadConfig }, { openDatabase }] = await Promise.all([import('../src/server/app'), import('../src/server/config'), import('../src/server/db/database')]);
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  // The logger `rapport serve` starts with, so the scenario measures what `npm start` serves: at the
  // default level (info) one JSON line per request, written to stdout (which the parent discards).
  const app = await buildApp({ config, database, logger: serverLogger(config) });
  database.checkpointInBackground?.();
  return app;
}

try {
  const app = await start(process.argv[2] ?? 'app');
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  send({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
  process.on('message', (message: ParentMessage) => {
    if (message === 'rss') send({ type: 'rss', ...memory() });
    if (message === 'close') void app.close().finally(() => process.exit(0));
  });
  process.on('disconnect', () => process.exit(0));
} catch (error) {
  send({ type: 'error', message: (error as Error).message });
  process.exit(1);
}
