import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * Imports (issue 6): every import is a batch with its counts and problems; its items say what it
 * created (deleted on undo) and what it merged (the row as it was before, restored on undo).
 * `import_key` keeps the external keys already imported (calendar event occurrences), so importing
 * the same file again creates nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const ts = pg ? 'timestamptz' : 'text';
  const owner = `owner_id text not null references "user" ("id") on delete cascade`;
  const statements = [
    `create table import_batch (id text primary key, ${owner}, format text not null, file_name text, fingerprint text, status text not null,
      options text not null default '{}', summary text not null default '{}', upload_path text,
      created_at ${ts} not null, applied_at ${ts}, undone_at ${ts})`,
    `create index import_batch_owner_idx on import_batch (owner_id, created_at)`,
    `create table import_item (import_id text not null references import_batch (id) on delete cascade, seq integer not null, owner_id text not null,
      kind text not null, ref_id text not null, before text, primary key (import_id, seq))`,
    `create table import_key (${owner}, key text not null, ref_id text not null, import_id text not null references import_batch (id) on delete cascade,
      primary key (owner_id, key))`,
    `create index import_key_import_idx on import_key (import_id)`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['import_key', 'import_item', 'import_batch']) await sql.raw(`drop table ${t}`).execute(db);
}
