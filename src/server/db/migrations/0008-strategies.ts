import { sql, type Kysely } from 'kysely';
import { dialectOf, type Dialect } from '../dialect';

/**
 * Networking strategy 4 (issue 7): mentorships where you are the mentor or the mentee, their goals and
 * action items. Sessions are interactions of kind `mentorship_session`; action items and the next session
 * are follow-ups, so they reach the Today agenda like any other.
 */
function statements(d: Dialect): string[] {
  const ts = d === 'postgres' ? 'timestamptz' : 'text';
  const date = d === 'postgres' ? 'date' : 'text';
  const owner = `owner_id text not null references "user" ("id") on delete cascade`;
  const stamps = `created_at ${ts} not null, updated_at ${ts} not null`;
  return [
    `create table mentorship (id text primary key, ${owner}, contact_id text not null references contact (id) on delete cascade,
      role text not null, status text not null, focus text not null, cadence_days integer, started_on ${date} not null,
      next_session_follow_up_id text references follow_up (id) on delete set null, notes text, ${stamps})`,
    `create index mentorship_owner_idx on mentorship (owner_id, status, updated_at, id)`,
    `create index mentorship_contact_idx on mentorship (contact_id)`,
    `create table mentorship_goal (id text primary key, ${owner}, mentorship_id text not null references mentorship (id) on delete cascade,
      title text not null, status text not null, ${stamps})`,
    `create index mentorship_goal_idx on mentorship_goal (mentorship_id, created_at)`,
    `create table mentorship_action (id text primary key, ${owner}, mentorship_id text not null references mentorship (id) on delete cascade,
      title text not null, follow_up_id text references follow_up (id) on delete set null, ${stamps})`,
    `create index mentorship_action_idx on mentorship_action (mentorship_id, created_at)`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements(dialectOf(db))) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['mentorship_action', 'mentorship_goal', 'mentorship']) await sql.raw(`drop table if exists ${table}`).execute(db);
}
