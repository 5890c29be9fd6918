import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { vocabularyOf } from './vocabulary-of';

/**
 * The bulk loader's second thread. It receives the text of every search document and
 *  - computes the search vocabulary (both dialects), and
 *  - on SQLite, when `fts` is given, builds the search index (search_doc and the FTS5 table) in a
 *    scratch database file of its own, which the loader then copies into the real database (FTS5
 *    indexing is the single most expensive part of a load; this way it runs while the main thread
 *    writes the other tables).
 */
export interface WorkerJob {
  /** title \0 body \0 title \0 body ... for every document, in search_doc id order. */
  texts: string;
  /** Consecutive runs of document kinds, e.g. [['contact', 30000], ['interaction', 1000000]]. */
  kindRuns: [string, number][];
  fts?: {
    file: string;
    /** The FTS5 table of each document kind, with its DDL (search_fts_contact, search_fts_interaction). */
    tables: Record<string, { name: string; createSql: string }>;
    firstRowid: number;
    /** search_doc's own DDL and rows (id = FTS rowid, from firstRowid; ref ids \0-separated). */
    searchDoc: { createSql: string; ownerId: string; refIds: string };
  };
}

export interface WorkerResult {
  terms: string[];
  ftsMs?: number;
  vocabularyMs: number;
}

const PER_STATEMENT = 100;

function buildFts(job: WorkerJob, fields: string[]): number {
  const { file, tables, firstRowid } = job.fts!;
  const started = performance.now();
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = MEMORY');
    for (const table of Object.values(tables)) db.exec(table.createSql);
    writeSearchDoc(db, job, fields.length / 2);
    const values = (n: number) => Array.from({ length: n }, () => '(?, ?, ?)').join(', ');
    const args: unknown[] = new Array(PER_STATEMENT * 3);
    db.transaction(() => {
      let doc = 0;
      for (const [kind, count] of job.kindRuns) {
        const table = tables[kind]!.name;
        const many = db.prepare(`insert into ${table} (rowid, title, body) values ${values(PER_STATEMENT)}`);
        const one = db.prepare(`insert into ${table} (rowid, title, body) values ${values(1)}`);
        const end = doc + count;
        for (; doc + PER_STATEMENT <= end; doc += PER_STATEMENT) {
          for (let j = 0; j < PER_STATEMENT; j++) {
            const d = doc + j;
            const o = j * 3;
            args[o] = firstRowid + d;
            args[o + 1] = fields[2 * d];
            args[o + 2] = fields[2 * d + 1];
          }
          many.run(args);
        }
        for (; doc < end; doc++) one.run(firstRowid + doc, fields[2 * doc], fields[2 * doc + 1]);
      }
    })();
  } finally {
    db.close();
  }
  return Math.round(performance.now() - started);
}

function writeSearchDoc(db: Database.Database, job: WorkerJob, count: number): void {
  const { createSql, ownerId, refIds } = job.fts!.searchDoc;
  const ids = refIds.split('\u0000');
  if (ids.length !== count) throw new Error(`bulk-load worker: ${ids.length} ref ids for ${count} documents`);
  db.exec(createSql);
  // The owner and the kind are the same for a whole run of documents: they are written into the
  // statement, and only the id and the ref id are bound (a string bound a million times costs more
  // than the row's insert).
  const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;
  const args: unknown[] = new Array(PER_STATEMENT * 2);
  const first = job.fts!.firstRowid;
  db.transaction(() => {
    let doc = 0;
    for (const [kind, n] of job.kindRuns) {
      const values = (rows: number) => Array.from({ length: rows }, () => `(?, ${sqlText(ownerId)}, ${sqlText(kind)}, ?)`).join(', ');
      const many = db.prepare(`insert into search_doc (id, owner_id, kind, ref_id) values ${values(PER_STATEMENT)}`);
      const one = db.prepare(`insert into search_doc (id, owner_id, kind, ref_id) values ${values(1)}`);
      const end = doc + n;
      for (; doc + PER_STATEMENT <= end; doc += PER_STATEMENT) {
        for (let j = 0; j < PER_STATEMENT; j++) {
          args[2 * j] = first + doc + j;
          args[2 * j + 1] = ids[doc + j];
        }
        many.run(args);
      }
      for (; doc < end; doc++) one.run(first + doc, ids[doc]);
    }
  })();
}

const job = workerData as WorkerJob;
const fields = job.texts.split('\u0000');
const vocabularyStarted = performance.now();
const terms = vocabularyOf(fields);
const vocabularyMs = Math.round(performance.now() - vocabularyStarted);
const ftsMs = job.fts ? buildFts(job, fields) : undefined;
parentPort!.postMessage({ terms, ftsMs, vocabularyMs } satisfies WorkerResult);
