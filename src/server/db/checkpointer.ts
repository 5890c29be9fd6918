import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * WAL checkpoints on a thread of their own, for the server. SQLite's automatic checkpoint runs inside
 * the commit that takes the WAL past 1,000 pages, on the connection that commits: for a big write (a
 * 30,000-row import leaves ~17,000 pages in the WAL) that is 0.5 s of copying pages into the database
 * file and fsync-ing it, on the server's only thread, during which every other request waits. Here the
 * app's connection stops checkpointing (`wal_autocheckpoint = 0`) and a worker thread with its own
 * connection runs a PASSIVE checkpoint every `intervalMs` (it never blocks readers or writers; with an
 * empty WAL it costs next to nothing). The commit itself is unchanged: durable in the WAL as before.
 * If the thread fails, automatic checkpoints come back on the app's connection.
 */
export interface Checkpointer {
  /** Stops the thread (after its current checkpoint) and gives checkpoints back to the app's connection. */
  stop(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 10000');
db.pragma('synchronous = NORMAL');
const run = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message) });
  }
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

const AUTOCHECKPOINT_PAGES = 1000;

export function startCheckpointer(sqlite: Database.Database, options: { intervalMs?: number; onError?: (message: string) => void } = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: sqlite.name, intervalMs: options.intervalMs ?? 1000 } });
  const restore = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  sqlite.pragma('wal_autocheckpoint = 0');
  worker.on('message', (message: { error?: string }) => {
    if (message.error) options.onError?.(message.error);
  });
  worker.on('error', (error: Error) => {
    restore();
    options.onError?.(error.message);
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // The thread must not keep a CLI or test process alive.
  worker.unref();
  return {
    async stop() {
      // Held until it has exited: an unreferenced thread would let the process end mid-wait.
      worker.ref();
      worker.postMessage('stop');
      await exited;
      restore();
    },
  };
}
