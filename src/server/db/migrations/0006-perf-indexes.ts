import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * SQLite's search index, reshaped after measuring it on the reference data (docs/performance.md):
 *  - one FTS5 table per kind of document (search_fts_contact, search_fts_interaction) instead of one
 *    for both: contacts are ranked by BM25, which scores every match, and a common word then scored
 *    every matching interaction too before the kind was checked;
 *  - no `owner` and `kind` token columns (the owner and kind are checked on search_doc) and no
 *    prefix indexes ('2 3' wrote every token three times): the index is a quarter of its size and
 *    builds in about a third of the time, and prefix queries measured no slower without them.
 * The rowid of each FTS row is still its search_doc id. PostgreSQL's search is unchanged.
 */
export const ftsTables = { contact: 'search_fts_contact', interaction: 'search_fts_interaction' } as const;
export const ftsCreateSql = (table: string) => `create virtual table ${table} using fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2')`;

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  for (const [kind, table] of Object.entries(ftsTables)) {
    await sql.raw(ftsCreateSql(table)).execute(db);
    await sql
      .raw(`insert into ${table} (rowid, title, body) select f.rowid, f.title, f.body from search_fts f join search_doc d on d.id = f.rowid where d.kind = '${kind}'`)
      .execute(db);
  }
  await sql.raw('drop table search_fts').execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  await sql.raw(`create virtual table search_fts using fts5 (owner, kind, title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`).execute(db);
  for (const [kind, table] of Object.entries(ftsTables)) {
    await sql
      .raw(`insert into search_fts (rowid, owner, kind, title, body) select f.rowid, 'o' || replace(d.owner_id, '-', ''), '${kind}', f.title, f.body from ${table} f join search_doc d on d.id = f.rowid`)
      .execute(db);
    await sql.raw(`drop table ${table}`).execute(db);
  }
}
