import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import { Contact } from '../../../contracts/contacts';
import type { StrengthDto } from '../../../contracts/strength';
import type { DB } from '../../db/schema';
import type { Dialect } from '../../db/dialect';
import { pickerOf } from '../../platform/trusted-serializer';
import { findContact, tagNamesOf, type ContactRow } from './contacts.repository';

/** What `toContactDto` reads of a contact: its row without the columns only the lists and writes need. */
export type ContactReadRow = Omit<ContactRow, 'owner_id' | 'sort_name' | 'rel_points' | 'cadence_snoozed_until' | 'birthday_dismissed_through' | 'tag_names'> & {
  tags: string[];
};

/**
 * GET /contacts/{id} on SQLite, the hottest read: the contact, its organization's name and its tags
 * as one JSON text built by SQLite. better-sqlite3 builds a row object through V8's C++ API one
 * property at a time, which for a 35-column row cost more than the lookups; one string and
 * JSON.parse is cheaper, and only the columns the DTO shows are read. Tags come with their sort key
 * unsorted and are sorted here: `order by` inside the aggregate opened a temporary b-tree on every call.
 * The JSON columns (emails, phones, profiles, months) stay JSON text inside, as in the row.
 */
const SQLITE_READ = `select json_object(
  'id', c.id, 'name', c.name, 'given_name', c.given_name, 'family_name', c.family_name, 'pronouns', c.pronouns,
  'headline', c.headline, 'organization_name', o.name, 'organization_id', c.organization_id, 'title', c.title,
  'location', c.location, 'timezone', c.timezone, 'emails', c.emails, 'phones', c.phones, 'social_profiles', c.social_profiles,
  'birthday', c.birthday, 'how_we_met', c.how_we_met, 'circle', c.circle, 'cadence_days', c.cadence_days,
  'starred', c.starred, 'archived', c.archived, 'last_interaction_at', c.last_interaction_at, 'next_due_on', c.next_due_on,
  'created_at', c.created_at, 'updated_at', c.updated_at, 'last_meaningful_at', c.last_meaningful_at,
  'first_interaction_at', c.first_interaction_at, 'rel_them', c.rel_them, 'rel_me', c.rel_me, 'rel_months', c.rel_months,
  'tags', json((select json_group_array(json_array(t.name_key, t.name)) from contact_tag ct join tag t on t.id = ct.tag_id where ct.contact_id = c.id))
) as row
from contact c left join organization o on o.id = c.organization_id
where c.id = ? and c.owner_id = ?`;

type SqliteReadRow = Omit<ContactReadRow, 'tags'> & { tags: [string, string][] };

/**
 * SQLite's BINARY order (bytes of UTF-8, i.e. code points), which is what `order by t.name_key`
 * sorted by: plain `<` on JS strings compares UTF-16 units and puts astral characters before U+E000–U+FFFF.
 */
export function compareBinary(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x - y;
  }
  return a.length - b.length;
}

function sortedNames(pairs: [string, string][]): string[] {
  if (pairs.length > 1) pairs.sort((p, q) => compareBinary(p[0], q[0]));
  return pairs.map((p) => p[1]);
}

function fromJson(text: string): ContactReadRow {
  const row = JSON.parse(text) as SqliteReadRow;
  return Object.assign(row, { tags: sortedNames(row.tags) }) as ContactReadRow;
}

/**
 * GET /contacts/{id}'s 200 body itself, on SQLite: the contract's JSON text (camelCase keys in the
 * schema's order) with a placeholder `0` where JavaScript fills in what SQLite cannot write as the
 * route would: the three JSON list columns (re-serialized as the DTO path does), the tags (sorted
 * here, see above) and the strength (computed at read time). The other columns are those inputs,
 * read as an array (a few values: no JSON to parse). Parsing the row's JSON, building the DTO,
 * copying it to the contract and serializing it again cost about 4 µs more per request (the tests
 * hold this text to the DTO path's, byte for byte).
 * SQLite's json_object escapes strings as JSON.stringify does (checked on 3.53 for U+0000–U+07FF,
 * U+2028/9 and astral characters); a lone surrogate is stored as bytes that both paths read back alike.
 */
const SQLITE_BODY = `select json_object(
  'id', c.id, 'name', c.name, 'givenName', c.given_name, 'familyName', c.family_name, 'pronouns', c.pronouns,
  'headline', c.headline, 'organization', o.name, 'organizationId', c.organization_id, 'title', c.title,
  'location', c.location, 'timezone', c.timezone, 'emails', 0, 'phones', 0, 'socialProfiles', 0,
  'birthday', c.birthday, 'howWeMet', c.how_we_met, 'circle', c.circle, 'cadenceDays', c.cadence_days, 'tags', 0,
  'starred', json(iif(c.starred, 'true', 'false')), 'archived', json(iif(c.archived, 'true', 'false')),
  'lastInteractionAt', c.last_interaction_at, 'nextDueOn', c.next_due_on, 'strength', 0,
  'createdAt', c.created_at, 'updatedAt', c.updated_at
) as body, c.emails, c.phones, c.social_profiles, c.circle, c.cadence_days, c.last_interaction_at, c.last_meaningful_at,
  c.first_interaction_at, c.rel_them, c.rel_me, c.rel_months,
  (select json_group_array(json_array(t.name_key, t.name)) from contact_tag ct join tag t on t.id = ct.tag_id where ct.contact_id = c.id) as tags
from contact c left join organization o on o.id = c.organization_id
where c.id = ? and c.owner_id = ?`;

/** What the body's placeholders stand for, and what the strength is computed from. */
export type ContactBodyInputs = Pick<ContactRow, 'emails' | 'phones' | 'social_profiles' | 'circle' | 'cadence_days' | 'last_interaction_at' | 'last_meaningful_at' | 'first_interaction_at' | 'rel_them' | 'rel_me' | 'rel_months'> & {
  tags: [string, string][];
};

export interface ContactBodyParts {
  body: string;
  inputs: ContactBodyInputs;
}

/**
 * Where each placeholder sits. Inside a JSON string every `"` is escaped, so `,"key":0,` can only be
 * the key itself: the first match (the last, for the strength, which only two timestamps follow).
 */
const LISTS = ',"emails":0,"phones":0,"socialProfiles":0';
const TAGS = ',"tags":0';
const STRENGTH = ',"strength":0';

const pickSocialProfiles = pickerOf(Contact.shape.socialProfiles);
const pickStrength = pickerOf(Contact.shape.strength);
/**
 * A list of plain strings written as JSON.stringify writes it: no whitespace, and inside the quotes
 * nothing JSON.stringify would escape or write differently (no `"`, backslash, control character or
 * surrogate). Parsing and serializing such a text gives it back unchanged.
 */
const PLAIN_STRING_LIST = /^\[(?:"[^"\\\u0000-\u001f\ud800-\udfff]*"(?:,"[^"\\\u0000-\u001f\ud800-\udfff]*")*)?\]$/;

/**
 * A JSON list column as the DTO path writes it: parsed and serialized again, unless it is already
 * that text ("[]", or plain strings as the app itself stores emails and phones).
 */
export const relisted = (text: string) => (text === '[]' || PLAIN_STRING_LIST.test(text) ? text : JSON.stringify(JSON.parse(text)));

/** The finished body: the parts with the lists, the sorted tag names and the strength filled in. */
export function contactBodyText({ body, inputs }: ContactBodyParts, strength: StrengthDto): string {
  const lists = body.indexOf(LISTS);
  const tags = body.indexOf(TAGS, lists);
  const score = body.lastIndexOf(STRENGTH);
  const socialProfiles = inputs.social_profiles === '[]' ? '[]' : JSON.stringify(pickSocialProfiles(JSON.parse(inputs.social_profiles)));
  return (
    `${body.slice(0, lists)},"emails":${relisted(inputs.emails)},"phones":${relisted(inputs.phones)},"socialProfiles":${socialProfiles}` +
    `${body.slice(lists + LISTS.length, tags)},"tags":${JSON.stringify(sortedNames(inputs.tags))}` +
    `${body.slice(tags + TAGS.length, score)},"strength":${JSON.stringify(pickStrength(strength))}${body.slice(score + STRENGTH.length)}`
  );
}

/** The statements on the raw better-sqlite3 handle behind a Kysely instance, where one was given. */
const direct = new WeakMap<Kysely<DB>, BetterSqlite3.Statement<[string, string], string>>();
const directBody = new WeakMap<Kysely<DB>, BetterSqlite3.Statement<[string, string], unknown[]>>();

/**
 * Lets readContact run its statement on `sqlite`, the handle behind `db`, synchronously: Kysely's
 * path (connection mutex, provider, result transform: several promises) cost about as much as the
 * statement. Only outside a transaction: while one is open on the connection (Kysely holds its mutex
 * across the transaction's awaits) the read waits for it through Kysely as before, so it never sees
 * uncommitted rows. Calls with another Kysely instance (a transaction's) always go through Kysely.
 * (A query streaming rows does not stand in the way: better-sqlite3 runs reads beside an open iterator.)
 */
export function readContactsDirectly(db: Kysely<DB>, sqlite: BetterSqlite3.Database): void {
  direct.set(db, sqlite.prepare<[string, string], string>(SQLITE_READ).pluck());
  directBody.set(db, sqlite.prepare<[string, string], unknown[]>(SQLITE_BODY).raw());
}

/**
 * GET /contacts/{id}'s body in parts (contactBodyText finishes it), undefined when the owner has no
 * such contact; null where only the general path can read (PostgreSQL, another Kysely instance, an
 * open transaction: readContact waits for it).
 */
export function readContactBodyParts(db: Kysely<DB>, ownerId: string, id: string): ContactBodyParts | undefined | null {
  const statement = directBody.get(db);
  if (!statement || statement.database.inTransaction) return null;
  const row = statement.get(id, ownerId);
  if (row === undefined) return undefined;
  const [body, emails, phones, social_profiles, circle, cadence_days, last_interaction_at, last_meaningful_at, first_interaction_at, rel_them, rel_me, rel_months, tags] = row;
  return {
    body: body as string,
    inputs: { emails, phones, social_profiles, circle, cadence_days, last_interaction_at, last_meaningful_at, first_interaction_at, rel_them, rel_me, rel_months, tags: JSON.parse(tags as string) } as ContactBodyInputs,
  };
}

/** One contact of the owner with its organization's name and tag names (alphabetical), or undefined. */
export async function readContact(db: Kysely<DB>, dialect: Dialect, ownerId: string, id: string): Promise<ContactReadRow | undefined> {
  if (dialect === 'sqlite') {
    const statement = direct.get(db);
    if (statement && !statement.database.inTransaction) {
      const text = statement.get(id, ownerId);
      return text === undefined ? undefined : fromJson(text);
    }
    return readThroughKysely(db, ownerId, id);
  }
  // PostgreSQL: one query already (node-pg parses the row as cheaply as JSON would be).
  const row = await findContact(db, ownerId, id, { withTags: true });
  if (!row) return undefined;
  return Object.assign(row, { tags: tagNamesOf(row) ?? [] });
}

async function readThroughKysely(db: Kysely<DB>, ownerId: string, id: string): Promise<ContactReadRow | undefined> {
  const { rows } = await db.executeQuery<{ row: string }>(CompiledQuery.raw(SQLITE_READ, [id, ownerId]));
  return rows.length === 0 ? undefined : fromJson(rows[0]!.row);
}
