import { sql, type Kysely } from 'kysely';
import { dialectOf, type Dialect } from '../dialect';

/**
 * Networking strategies 1 and 5 (issue 7): events and the people met there; coffee chats and
 * informational interviews with their question bank; the public booking page.
 */
function statements(d: Dialect): string[] {
  const ts = d === 'postgres' ? 'timestamptz' : 'text';
  const date = d === 'postgres' ? 'date' : 'text';
  const bool = d === 'postgres' ? 'boolean' : 'integer';
  const f = d === 'postgres' ? 'false' : '0';
  const owner = `owner_id text not null references "user" ("id") on delete cascade`;
  const stamps = `created_at ${ts} not null, updated_at ${ts} not null`;
  return [
    `create table event (id text primary key, ${owner}, name text not null, link text, organizer text,
      starts_on ${date} not null, ends_on ${date} not null, timezone text not null, role text not null, notes text, ${stamps})`,
    `create index event_owner_idx on event (owner_id, starts_on, id)`,
    // One row per person met at an event; the first follow-up is remembered to report progress.
    `create table event_person (event_id text not null references event (id) on delete cascade,
      contact_id text not null references contact (id) on delete cascade, owner_id text not null, context text,
      follow_up_id text references follow_up (id) on delete set null, created_at ${ts} not null, primary key (event_id, contact_id))`,
    `create index event_person_contact_idx on event_person (contact_id)`,
    `create index event_person_follow_up_idx on event_person (follow_up_id)`,

    `create table chat (id text primary key, ${owner}, contact_id text not null references contact (id) on delete cascade,
      kind text not null, purpose text, status text not null, topic text not null, scheduled_at ${ts}, duration_minutes integer,
      questions text not null default '[]', notes text, outcome text, outcome_notes text, source text not null,
      booked_slot text, thank_you_follow_up_id text references follow_up (id) on delete set null,
      held_at ${ts}, ${stamps})`,
    `create index chat_owner_idx on chat (owner_id, status, updated_at, id)`,
    `create index chat_contact_idx on chat (contact_id)`,
    `create index chat_schedule_idx on chat (owner_id, scheduled_at)`,
    // Two visitors racing for one slot: the database lets exactly one of them have it.
    `create unique index chat_booked_slot_idx on chat (owner_id, booked_slot)`,

    `create table chat_question (id text primary key, ${owner}, purpose text not null, text text not null, text_key text not null,
      position integer not null, archived ${bool} not null default ${f}, ${stamps})`,
    `create unique index chat_question_text_idx on chat_question (owner_id, purpose, text_key)`,

    `create table booking_page (owner_id text primary key references "user" ("id") on delete cascade, slug text not null,
      enabled ${bool} not null default ${f}, title text, timezone text not null, availability text not null default '[]',
      slot_minutes integer not null, buffer_minutes integer not null, min_notice_minutes integer not null, horizon_days integer not null, ${stamps})`,
    `create unique index booking_page_slug_idx on booking_page (slug)`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements(dialectOf(db))) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['booking_page', 'chat_question', 'chat', 'event_person', 'event']) await sql.raw(`drop table if exists ${table}`).execute(db);
}
