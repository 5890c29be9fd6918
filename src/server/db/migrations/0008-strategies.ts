import { sql, type Kysely } from 'kysely';
import { dialectOf, type Dialect } from '../dialect';

/**
 * Networking strategies 4, 2 and 3 (issue 7). Mentorships where you are the mentor or the mentee, their goals and
 * action items. Sessions are interactions of kind `mentorship_session`; action items and the next session
 * are follow-ups, so they reach the Today agenda like any other. Online communities: your role there,
 * your contributions (what the activity chart and the weekly goal count) and the members you know.
 * Social media: engagements (each also an interaction of kind `social`, the light kind of the strength
 * score) and the content plan of your own posts with the contacts they mention.
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

    `create table community (id text primary key, ${owner}, name text not null, platform text, link text, role text not null,
      weekly_goal integer, notes text, ${stamps})`,
    `create index community_owner_idx on community (owner_id, name, id)`,
    `create table community_contribution (id text primary key, ${owner}, community_id text not null references community (id) on delete cascade,
      kind text not null, title text not null, link text, occurred_on ${date} not null, created_at ${ts} not null)`,
    `create index community_contribution_idx on community_contribution (community_id, occurred_on, id)`,
    `create table community_member (community_id text not null references community (id) on delete cascade,
      contact_id text not null references contact (id) on delete cascade, owner_id text not null, context text, created_at ${ts} not null,
      primary key (community_id, contact_id))`,
    `create index community_member_contact_idx on community_member (contact_id)`,

    `create table engagement (id text primary key, ${owner}, contact_id text not null references contact (id) on delete cascade,
      interaction_id text references interaction (id) on delete cascade, action text not null, platform text, link text, created_at ${ts} not null)`,
    `create index engagement_owner_idx on engagement (owner_id, created_at, id)`,
    `create index engagement_contact_idx on engagement (contact_id)`,
    `create index engagement_interaction_idx on engagement (interaction_id)`,
    `create table content_post (id text primary key, ${owner}, status text not null, topic text not null, platform text, body text,
      planned_on ${date}, published_on ${date}, link text, ${stamps})`,
    `create index content_post_owner_idx on content_post (owner_id, planned_on, id)`,
    `create table content_post_contact (post_id text not null references content_post (id) on delete cascade,
      contact_id text not null references contact (id) on delete cascade, owner_id text not null, primary key (post_id, contact_id))`,
    `create index content_post_contact_idx on content_post_contact (contact_id)`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements(dialectOf(db))) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['content_post_contact', 'content_post', 'engagement', 'community_member', 'community_contribution', 'community', 'mentorship_action', 'mentorship_goal', 'mentorship']) await sql.raw(`drop table if exists ${table}`).execute(db);
}
