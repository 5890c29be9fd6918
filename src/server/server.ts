import { buildApp, serverLogger } from './app';
import { ensureDataDir, loadConfig, type ConfigFlags } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { AppError } from './platform/errors';

export interface ListeningInfo {
  url: string;
  docs: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; host: string };
}

const announceLine = ({ url, docs, database }: ListeningInfo) => {
  const where = database.kind === 'sqlite' ? `SQLite at ${database.file}` : `PostgreSQL (${database.host})`;
  process.stdout.write(`Rapport is running at ${url}/  (data: ${where}; API docs: ${docs})\n`);
};

/**
 * `rapport serve` / `npm start`: validate the configuration, open and migrate the database, listen,
 * and shut down gracefully on SIGTERM/SIGINT (in-flight requests finish, then the database closes).
 * Any startup problem is thrown as one AppError('config') line for the CLI to print.
 */
export async function startServer(flags: ConfigFlags = {}, { announce = announceLine }: { announce?: (info: ListeningInfo) => void } = {}): Promise<void> {
  const config = loadConfig(process.env, flags);
  ensureDataDir(config);
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = await buildApp({ config, database, logger: serverLogger(config) });
  // Big commits (imports) no longer stall every request while SQLite checkpoints its WAL.
  database.checkpointInBackground?.({ onError: (message) => app.log.warn({ error: message }, 'background WAL checkpoint failed') });

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new AppError('config', `Port ${config.port} on ${config.host} is already in use; stop the other program or set PORT to a free port`);
    if (code === 'EACCES') throw new AppError('config', `Not allowed to listen on ${config.host}:${config.port}; choose a port above 1024 with PORT`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new AppError('config', `Cannot listen on host ${config.host}; set HOST to an address of this machine`);
    throw error;
  }

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.baseUrl.replace(/:\d+$/, `:${port}`);
  announce({
    url,
    docs: `${url}/api/docs`,
    database: config.database.kind === 'sqlite' ? { kind: 'sqlite', file: config.database.file } : { kind: 'postgres', host: new URL(config.database.url).host },
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
