import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteDatabase, openSqlite } from './database';

/** Writes ~8 MB in one transaction: far past the 1,000 pages at which SQLite checkpoints by itself. */
function bigWrite(sqlite: import('better-sqlite3').Database) {
  sqlite.exec('create table if not exists filler (id integer primary key, body text not null)');
  const insert = sqlite.prepare('insert into filler (body) values (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`${i}`.padEnd(4000, 'x'));
  })();
}

const until = async (check: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
};

describe('WAL checkpoints in the background (SQLite)', () => {
  const dirs: string[] = [];
  const fileIn = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-checkpointer-'));
    dirs.push(dir);
    return join(dir, 'rapport.db');
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('without it, the big commit itself copies the pages into the database file', async () => {
    const file = fileIn();
    const database = createSqliteDatabase(file);
    const before = statSync(file).size;
    bigWrite(database.sqlite!);
    expect(statSync(file).size).toBeGreaterThan(before + 4_000_000);
    await database.close();
  });

  it('with it, the commit leaves the pages in the WAL and the thread copies them soon after; nothing is lost on close', async () => {
    const file = fileIn();
    const database = createSqliteDatabase(file);
    const errors: string[] = [];
    database.checkpointInBackground!({ intervalMs: 50, onError: (m) => errors.push(m) });
    const before = statSync(file).size;
    bigWrite(database.sqlite!);
    // Right after the commit the rows are readable (from the WAL) but not yet in the database file...
    expect(statSync(file).size).toBeLessThan(before + 4_000_000);
    expect(database.sqlite!.prepare('select count(*) as n from filler').get()).toEqual({ n: 2000 });
    // ...which the checkpoint thread fills in.
    expect(await until(() => statSync(file).size > before + 4_000_000)).toBe(true);
    bigWrite(database.sqlite!);
    await database.close();
    expect(errors).toEqual([]);
    const reopened = openSqlite(file);
    expect(reopened.prepare('select count(*) as n from filler').get()).toEqual({ n: 4000 });
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('turns SQLite’s own checkpoints off on the app’s connection while it runs', async () => {
    const database = createSqliteDatabase(fileIn());
    expect(database.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    database.checkpointInBackground!({ intervalMs: 60_000 });
    expect(database.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await database.close();
  });
});
