import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { vocabularyOf } from './vocabulary-of';

/**
 * The bulk loader's second thread. It receives the text of every search document, one run of
 * documents of one kind at a time, and
 *  - computes the search vocabulary (both dialects), and
 *  - on SQLite, when `fts` is given, builds the search index (search_doc and the FTS5 table) in a
 *    scratch database file of its own, which the loader then copies into the real database (FTS5
 *    indexing is the single most expensive part of a load; this way it runs while the main thread
 *    writes the other tables).
 * The first run comes with the job, the `more` others as messages: the loader starts the thread on
 * the interactions' documents, which need no preparation, and sends the contacts' documents once it
 * has prepared them, so the thread's work starts a second earlier.
 */
export interface WorkerRun {
  /** The documents' kind (contact, interaction); on SQLite, which FTS5 table they go to. */
  kind: string;
  /** title \0 body \0 title \0 body ... for every document of the run, in search_doc id order. */
  texts: string;
  /** With `fts`: the run's first search_doc id (= FTS rowid) and its documents' ref ids, \0-separated. */
  firstRowid?: number;
  refIds?: string;
}

export interface WorkerJob {
  run: WorkerRun;
  /** How many further runs will arrive as messages. */
  more: number;
  fts?: {
    file: string;
    /** The FTS5 table of each document kind, with its DDL (search_fts_contact, search_fts_interaction). */
    tables: Record<string, { name: string; createSql: string }>;
    /** search_doc's own DDL, and the owner of every document. */
    searchDoc: { createSql: string; ownerId: string };
  };
}

export interface WorkerResult {
  terms: string[];
  ftsMs?: number;
  vocabularyMs: number;
}

const PER_STATEMENT = 100;

function openScratch(fts: NonNullable<WorkerJob['fts']>): Database.Database {
  const db = new Database(fts.file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  for (const table of Object.values(fts.tables)) db.exec(table.createSql);
  db.exec(fts.searchDoc.createSql);
  return db;
}

/**
 * One run's documents into its kind's FTS5 table and search_doc. All of a table's documents are
 * written in one transaction, as before the runs were split (FTS5 flushes its pending terms into a
 * new segment at each commit, so the index's segments would otherwise differ).
 */
function writeRun(db: Database.Database, fts: NonNullable<WorkerJob['fts']>, run: WorkerRun, fields: string[]): void {
  const count = fields.length / 2;
  const first = run.firstRowid!;
  writeSearchDoc(db, fts.searchDoc.ownerId, run, count);
  const table = fts.tables[run.kind]!.name;
  const values = (n: number) => Array.from({ length: n }, () => '(?, ?, ?)').join(', ');
  const args: unknown[] = new Array(PER_STATEMENT * 3);
  db.transaction(() => {
    const many = db.prepare(`insert into ${table} (rowid, title, body) values ${values(PER_STATEMENT)}`);
    const one = db.prepare(`insert into ${table} (rowid, title, body) values ${values(1)}`);
    let doc = 0;
    for (; doc + PER_STATEMENT <= count; doc += PER_STATEMENT) {
      for (let j = 0; j < PER_STATEMENT; j++) {
        const d = doc + j;
        const o = j * 3;
        args[o] = first + d;
        args[o + 1] = fields[2 * d];
        args[o + 2] = fields[2 * d + 1];
      }
      many.run(args);
    }
    for (; doc < count; doc++) one.run(first + doc, fields[2 * doc], fields[2 * doc + 1]);
  })();
}

function writeSearchDoc(db: Database.Database, ownerId: string, run: WorkerRun, count: number): void {
  const ids = splitFields(run.refIds!);
  if (ids.length !== count) throw new Error(`bulk-load worker: ${ids.length} ref ids for ${count} documents`);
  // The owner and the kind are the same for a whole run of documents: they are written into the
  // statement, and only the id and the ref id are bound (a string bound a million times costs more
  // than the row's insert).
  const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;
  const values = (rows: number) => Array.from({ length: rows }, () => `(?, ${sqlText(ownerId)}, ${sqlText(run.kind)}, ?)`).join(', ');
  const args: unknown[] = new Array(PER_STATEMENT * 2);
  const first = run.firstRowid!;
  db.transaction(() => {
    const many = db.prepare(`insert into search_doc (id, owner_id, kind, ref_id) values ${values(PER_STATEMENT)}`);
    const one = db.prepare(`insert into search_doc (id, owner_id, kind, ref_id) values ${values(1)}`);
    let doc = 0;
    for (; doc + PER_STATEMENT <= count; doc += PER_STATEMENT) {
      for (let j = 0; j < PER_STATEMENT; j++) {
        args[2 * j] = first + doc + j;
        args[2 * j + 1] = ids[doc + j];
      }
      many.run(args);
    }
    for (; doc < count; doc++) one.run(first + doc, ids[doc]);
  })();
}

/** The \0-separated fields of a run; a run without documents is the empty string. */
const splitFields = (joined: string) => (joined === '' ? [] : joined.split('\u0000'));

/** The runs that arrive as messages, in order. */
function runQueue(): { next: () => Promise<WorkerRun>; close: () => void } {
  const queued: WorkerRun[] = [];
  let waiting: ((run: WorkerRun) => void) | undefined;
  const onMessage = (run: WorkerRun) => {
    if (waiting) {
      waiting(run);
      waiting = undefined;
    } else queued.push(run);
  };
  parentPort!.on('message', onMessage);
  return {
    next: () => (queued.length > 0 ? Promise.resolve(queued.shift()!) : new Promise((resolve) => (waiting = resolve))),
    // Without a listener the port no longer keeps the thread alive.
    close: () => parentPort!.off('message', onMessage),
  };
}

async function main(job: WorkerJob): Promise<WorkerResult> {
  const queue = runQueue();
  const db = job.fts ? openScratch(job.fts) : undefined;
  const terms = new Set<string>();
  let vocabularyMs = 0;
  let ftsMs = 0;
  try {
    let run = job.run;
    for (let k = 0; ; k++) {
      const fields = splitFields(run.texts);
      let started = performance.now();
      for (const term of vocabularyOf(fields)) terms.add(term);
      vocabularyMs += performance.now() - started;
      started = performance.now();
      if (db) writeRun(db, job.fts!, run, fields);
      ftsMs += performance.now() - started;
      if (k === job.more) break;
      run = await queue.next();
    }
  } finally {
    queue.close();
    db?.close();
  }
  // The same list as vocabularyOf over all the texts at once: the union, sorted.
  return { terms: [...terms].sort(), ftsMs: db ? Math.round(ftsMs) : undefined, vocabularyMs: Math.round(vocabularyMs) };
}

parentPort!.postMessage(await main(workerData as WorkerJob));
