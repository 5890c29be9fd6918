import { sql, type Kysely } from 'kysely';
import { dialectOf, type Dialect } from '../dialect';
import { recomputeOwner } from '../../domains/relationships/recompute';

/**
 * The relationship engine (issue 5): circle cadences and agenda settings per account, milestones,
 * message templates, and on `contact` the aggregates that the strength score and the Today agenda read
 * (kept current in the transaction of every interaction write, so reading a contact costs no query more).
 */
function statements(d: Dialect): string[] {
  const ts = d === 'postgres' ? 'timestamptz' : 'text';
  const date = d === 'postgres' ? 'date' : 'text';
  const real = d === 'postgres' ? 'double precision' : 'real';
  const owner = `owner_id text not null references "user" ("id") on delete cascade`;
  const stamps = `created_at ${ts} not null, updated_at ${ts} not null`;
  return [
    // Aggregates of a contact's interactions (see domains/relationships/strength.ts).
    `alter table contact add column last_meaningful_at ${ts}`,
    `alter table contact add column first_interaction_at ${ts}`,
    `alter table contact add column rel_points ${real} not null default 0`,
    `alter table contact add column rel_them integer not null default 0`,
    `alter table contact add column rel_me integer not null default 0`,
    `alter table contact add column rel_months text not null default '{}'`,
    `alter table contact add column cadence_snoozed_until ${date}`,
    `alter table contact add column birthday_dismissed_through ${date}`,
    // The kind and initiator copied into the links (as occurred_at already is): recomputing every
    // contact's aggregates then reads the links alone instead of a million lookups of interactions.
    `alter table interaction_contact add column kind text`,
    `alter table interaction_contact add column initiated_by text`,
    `update interaction_contact set kind = (select i.kind from interaction i where i.id = interaction_contact.interaction_id), initiated_by = (select i.initiated_by from interaction i where i.id = interaction_contact.interaction_id)`,
    // The timeline index covers them too: a contact's aggregates are then one index range, no row reads.
    `drop index interaction_contact_timeline_idx`,
    `create index interaction_contact_timeline_idx on interaction_contact (contact_id, occurred_at, interaction_id, kind, initiated_by)`,
    // Agenda sections: due by circle, dormant strong ties, recently met, birthdays by month-day.
    `create index contact_circle_due_idx on contact (owner_id, archived, circle, next_due_on)`,
    // Strongest first, the silence checked on the index entry: only dormant candidates read their row.
    `create index contact_points_idx on contact (owner_id, archived, rel_points, last_meaningful_at)`,
    `create index contact_created_idx on contact (owner_id, archived, created_at)`,
    `create index contact_birthday_idx on contact (owner_id, (substr(birthday, length(birthday) - 4))) where birthday is not null`,

    `create table relationship_setting (owner_id text primary key references "user" ("id") on delete cascade,
      cadence_inner integer, cadence_close integer, cadence_active integer, cadence_wider integer, cadence_acquaintance integer,
      daily_budget integer not null, half_life_days integer not null, updated_at ${ts} not null)`,

    `create table milestone (id text primary key, ${owner}, contact_id text not null references contact (id) on delete cascade,
      kind text not null, title text not null, on_date text not null, month_day text not null, recurrence text not null,
      remind_days_before integer not null default 0, notes text, dismissed_through ${date}, ${stamps})`,
    `create index milestone_month_day_idx on milestone (owner_id, month_day)`,
    `create index milestone_contact_idx on milestone (contact_id, month_day)`,

    `create table message_template (id text primary key, ${owner}, purpose text not null, name text not null, body text not null, ${stamps})`,
    `create index message_template_owner_idx on message_template (owner_id, purpose, created_at)`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements(dialectOf(db))) await sql.raw(statement).execute(db);
  // Existing contacts: their aggregates, and next due dates from the last meaningful interaction.
  const users: { id: string; timezone: string }[] = await db.selectFrom('user').select(['id', 'timezone']).execute();
  for (const user of users) await recomputeOwner(db, user.id, user.timezone, new Date());
}
