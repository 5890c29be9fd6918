import { sql, type Kysely } from 'kysely';
import { dialectOf, type Dialect } from '../dialect';

/** The foundation schema. Every domain row carries `owner_id` (the Citus distribution key later). */
function statements(d: Dialect): string[] {
  const ts = d === 'postgres' ? 'timestamptz' : 'text';
  const date = d === 'postgres' ? 'date' : 'text';
  const bool = d === 'postgres' ? 'boolean' : 'integer';
  const f = d === 'postgres' ? 'false' : '0';
  const authTs = d === 'postgres' ? 'timestamptz' : 'date';
  const authBool = d === 'postgres' ? 'boolean' : 'integer';
  const owner = `owner_id text not null references "user" ("id") on delete cascade`;
  const stamps = `created_at ${ts} not null, updated_at ${ts} not null`;

  const common = [
    `create table app_setting (key text primary key, value text not null)`,
    // Tables of better-auth, exactly as its own migration generator writes them.
    `create table "user" ("id" text not null primary key, "name" text not null, "email" text not null unique, "emailVerified" ${authBool} not null, "image" text, "createdAt" ${authTs} not null, "updatedAt" ${authTs} not null, "role" text not null default 'member', "timezone" text not null default 'UTC')`,
    `create table "session" ("id" text not null primary key, "expiresAt" ${authTs} not null, "token" text not null unique, "createdAt" ${authTs} not null, "updatedAt" ${authTs} not null, "ipAddress" text, "userAgent" text, "userId" text not null references "user" ("id") on delete cascade)`,
    `create table "account" ("id" text not null primary key, "accountId" text not null, "providerId" text not null, "userId" text not null references "user" ("id") on delete cascade, "accessToken" text, "refreshToken" text, "idToken" text, "accessTokenExpiresAt" ${authTs}, "refreshTokenExpiresAt" ${authTs}, "scope" text, "password" text, "createdAt" ${authTs} not null, "updatedAt" ${authTs} not null)`,
    `create table "verification" ("id" text not null primary key, "identifier" text not null, "value" text not null, "expiresAt" ${authTs} not null, "createdAt" ${authTs} not null, "updatedAt" ${authTs} not null)`,
    `create index session_user_idx on "session" ("userId")`,
    `create index account_user_idx on "account" ("userId")`,
    `create index verification_identifier_idx on "verification" ("identifier")`,

    `create table invitation (id text primary key, email text not null, token_hash text not null unique, created_by text not null references "user" ("id") on delete cascade, created_at ${ts} not null, expires_at ${ts} not null, used_at ${ts})`,
    `create table api_token (id text primary key, user_id text not null references "user" ("id") on delete cascade, name text not null, token_hash text not null unique, token_prefix text not null, created_at ${ts} not null, last_used_at ${ts}, expires_at ${ts})`,
    `create index api_token_user_idx on api_token (user_id, created_at)`,

    `create table organization (id text primary key, ${owner}, name text not null, name_key text not null, domain text, website text, notes text, ${stamps})`,
    `create unique index organization_name_idx on organization (owner_id, name_key)`,
    `create table tag (id text primary key, ${owner}, name text not null, name_key text not null, color text, ${stamps})`,
    `create unique index tag_name_idx on tag (owner_id, name_key)`,

    `create table contact (id text primary key, ${owner},
      name text not null, sort_name text not null, given_name text, family_name text, pronouns text, headline text,
      organization_id text references organization (id) on delete set null, title text, location text, timezone text,
      emails text not null default '[]', phones text not null default '[]', social_profiles text not null default '[]',
      birthday text, how_we_met text, circle text, cadence_days integer,
      starred ${bool} not null default ${f}, archived ${bool} not null default ${f},
      last_interaction_at ${ts}, next_due_on ${date}, ${stamps})`,
    `create index contact_name_idx on contact (owner_id, sort_name, id)`,
    `create index contact_due_idx on contact (owner_id, next_due_on, id)`,
    `create index contact_last_idx on contact (owner_id, last_interaction_at, id)`,
    `create index contact_org_idx on contact (organization_id)`,
    // Lookup of a contact by email, phone or profile URL (dedupe, imports, matching attendees).
    `create table contact_handle (owner_id text not null, kind text not null, value text not null, contact_id text not null references contact (id) on delete cascade, primary key (owner_id, kind, value, contact_id))`,
    `create index contact_handle_contact_idx on contact_handle (contact_id)`,
    `create table contact_tag (contact_id text not null references contact (id) on delete cascade, tag_id text not null references tag (id) on delete cascade, owner_id text not null, primary key (contact_id, tag_id))`,
    `create index contact_tag_tag_idx on contact_tag (tag_id, contact_id)`,

    `create table interaction (id text primary key, ${owner}, kind text not null, occurred_at ${ts} not null, duration_minutes integer, initiated_by text, summary text not null, notes text, ${stamps})`,
    `create index interaction_owner_idx on interaction (owner_id, occurred_at)`,
    `create table interaction_contact (interaction_id text not null references interaction (id) on delete cascade, contact_id text not null references contact (id) on delete cascade, owner_id text not null, occurred_at ${ts} not null, primary key (interaction_id, contact_id))`,
    `create index interaction_contact_timeline_idx on interaction_contact (contact_id, occurred_at, interaction_id)`,

    `create table note (id text primary key, ${owner}, contact_id text not null references contact (id) on delete cascade, body text not null, pinned ${bool} not null default ${f}, ${stamps})`,
    `create index note_contact_idx on note (contact_id, pinned, created_at)`,
    `create table follow_up (id text primary key, ${owner}, contact_id text not null references contact (id) on delete cascade, due_on ${date} not null, reason text not null, done_at ${ts}, snoozed_until ${date}, remind_on ${date} not null, ${stamps})`,
    `create index follow_up_open_idx on follow_up (owner_id, remind_on, id) where done_at is null`,
    `create index follow_up_done_idx on follow_up (owner_id, done_at, id) where done_at is not null`,
    `create index follow_up_contact_idx on follow_up (contact_id)`,

    // Vocabulary per owner, for typo-tolerant search (query words are corrected against it).
    `create table search_term (owner_id text not null, term text not null, primary key (owner_id, term))`,
  ];

  const search =
    d === 'sqlite'
      ? [
          `create table search_doc (id integer primary key, owner_id text not null, kind text not null, ref_id text not null unique)`,
          // The owner and kind are indexed tokens so that MATCH narrows to one owner's documents.
          `create virtual table search_fts using fts5 (owner, kind, title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`,
        ]
      : [
          `create extension if not exists pg_trgm`,
          `create table search_doc (ref_id text primary key, owner_id text not null, kind text not null, title text not null, body text not null, tsv tsvector not null)`,
          `create index search_doc_tsv_idx on search_doc using gin (tsv)`,
          `create index search_doc_owner_idx on search_doc (owner_id, kind)`,
          `create index search_term_trgm_idx on search_term using gin (term gin_trgm_ops)`,
        ];
  return [...common, ...search];
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements(dialectOf(db))) await sql.raw(statement).execute(db);
}
