import { sql, type Kysely } from 'kysely';
import { dialectOf, type Dialect } from '../dialect';

/**
 * Appreciation (kudos and favors, given and received), weekly goals, and the secret calendar feed.
 * Kudos and favors share one table: the reciprocity ledger sums both per contact in one pass.
 */
function statements(d: Dialect): string[] {
  const ts = d === 'postgres' ? 'timestamptz' : 'text';
  const date = d === 'postgres' ? 'date' : 'text';
  const owner = `owner_id text not null references "user" ("id") on delete cascade`;
  const stamps = `created_at ${ts} not null, updated_at ${ts} not null`;
  return [
    `create table appreciation (id text primary key, ${owner}, contact_id text not null references contact (id) on delete cascade,
      kind text not null, direction text not null, body text not null, occurred_on ${date} not null, ${stamps})`,
    `create index appreciation_list_idx on appreciation (owner_id, kind, occurred_on, id)`,
    `create index appreciation_contact_idx on appreciation (contact_id, kind, direction)`,
    `create table weekly_goal (id text primary key, ${owner}, metric text not null, target integer not null, ${stamps})`,
    `create unique index weekly_goal_metric_idx on weekly_goal (owner_id, metric)`,
    `create table calendar_feed (id text primary key, ${owner}, token_hash text not null unique, token_prefix text not null, created_at ${ts} not null, last_used_at ${ts})`,
    `create unique index calendar_feed_owner_idx on calendar_feed (owner_id)`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements(dialectOf(db))) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['calendar_feed', 'weekly_goal', 'appreciation']) await sql.raw(`drop table ${table}`).execute(db);
}
