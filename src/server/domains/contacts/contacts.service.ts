import type { ContactCreateInput, ContactDto, ContactListQueryInput, ContactUpdateInput, SocialProfileDto } from '../../../contracts/contacts';
import type { ContactTable } from '../../db/schema';
import { nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { notFound, type FieldProblem } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { decodeCursor, encodeCursor } from '../../platform/pagination';
import { reindexContacts, removeSearchDocs } from '../search/search.index';
import { searchService } from '../search/search.service';
import { strengthOf, parseMonths } from '../relationships/strength';
import { cachedSettings, defaultSettings, effectiveCadence, readSettings, type RelationshipSettingValues } from '../relationships/settings';
import { nextDueOn, refreshDerived } from './contacts.derived';
import {
  checkTimeZone,
  handlesOf,
  normalizeEmails,
  normalizePhones,
  normalizeSocialProfiles,
  throwIfProblems,
} from './contacts.normalize';
import * as repo from './contacts.repository';
import { contactBodyText, readContact, readContactBodyParts, type ContactReadRow } from './contacts.read-one';

/** What a contact's strength is computed from besides its row: the time and the account's settings. */
export interface StrengthContext {
  now: Date;
  settings: RelationshipSettingValues;
}

/** Without a context (bulk exports), the strength is computed for now with the default settings. */
export function toContactDto(row: repo.ContactRow | ContactReadRow, tags: string[], context: StrengthContext = { now: new Date(), settings: defaultSettings() }): ContactDto {
  return {
    id: row.id,
    name: row.name,
    givenName: row.given_name,
    familyName: row.family_name,
    pronouns: row.pronouns,
    headline: row.headline,
    organization: row.organization_name,
    organizationId: row.organization_id,
    title: row.title,
    location: row.location,
    timezone: row.timezone,
    emails: JSON.parse(row.emails),
    phones: JSON.parse(row.phones),
    socialProfiles: JSON.parse(row.social_profiles),
    birthday: row.birthday,
    howWeMet: row.how_we_met,
    circle: row.circle as ContactDto['circle'],
    cadenceDays: row.cadence_days,
    tags,
    starred: Boolean(row.starred),
    archived: Boolean(row.archived),
    lastInteractionAt: row.last_interaction_at,
    nextDueOn: row.next_due_on,
    strength: strengthOfContact(row, context),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Computed at read time from stored aggregates (no query): time passing changes it. */
export function strengthOfContact(
  row: Pick<ContactReadRow, 'last_meaningful_at' | 'first_interaction_at' | 'last_interaction_at' | 'rel_them' | 'rel_me' | 'rel_months' | 'cadence_days' | 'circle'>,
  { now, settings }: StrengthContext,
) {
  return strengthOf(
    {
      lastMeaningfulAt: row.last_meaningful_at ?? null,
      firstInteractionAt: row.first_interaction_at ?? null,
      lastInteractionAt: row.last_interaction_at,
      them: Number(row.rel_them ?? 0),
      me: Number(row.rel_me ?? 0),
      months: parseMonths(row.rel_months),
      cadenceDays: effectiveCadence(row, settings),
    },
    now,
    settings.halfLifeDays,
  );
}

/**
 * Up to this many tagged contacts, a tag-filtered list starts from the tag rather than from the sort
 * index (measured on the reference data: the two plans cross near 700 of 30,000 contacts).
 */
const RARE_TAG = 500;
/**
 * From this many tagged contacts on, SQLite tests each contact it walks for the tag (EXISTS)
 * instead of collecting the tag's contacts first (IN): on the reference data the tag of 4,252
 * contacts took 0.8 ms instead of 1.5, the tag of 2,216 about the same, and smaller tags longer.
 */
const POPULAR_TAG = 2_000;
/**
 * PostgreSQL (which reads only the page's rows either way): up to this many tagged contacts it starts
 * from the tag, above it walks the sort index with a probe per contact (measured on the reference
 * data: from the tag was cheaper up to ~1,000 contacts, the walk from ~1,600 on).
 */
const POSTGRES_RARE_TAG = 1_200;

const sortKey = (row: repo.ContactRow, column: keyof repo.ContactRow) => row[column] as string | null;

export function contactService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;
  const search = searchService(deps);

  async function withTags(rows: repo.ContactRow[]): Promise<ContactDto[]> {
    if (rows.length === 0) return [];
    // Rows read with `withTags` carry their tag names; others get them in one more query.
    const selected = rows.every((r) => r.tag_names !== undefined);
    const [tags, settings] = await Promise.all([selected ? undefined : repo.tagsByContact(db, rows.map((r) => r.id)), cachedSettings(db, rows[0]!.owner_id)]);
    const context = { now: clock.now(), settings };
    return rows.map((r) => toContactDto(r, (selected ? repo.tagNamesOf(r) : tags!.get(r.id)) ?? [], context));
  }

  /** GET /contacts/{id}: one statement (contacts.read-one.ts), the settings from their cache. */
  async function get(actor: Actor, id: string): Promise<ContactDto> {
    const row = await readContact(db, dialect, actor.userId, id);
    if (!row) throw notFound('Contact');
    const settings = await cachedSettings(db, actor.userId);
    return toContactDto(row, row.tags, { now: clock.now(), settings });
  }

  /**
   * GET /contacts/{id}'s 200 body: on SQLite already as the contract's JSON text (contacts.read-one.ts
   * builds it with the statement), else the DTO for the route to serialize.
   */
  async function getBody(actor: Actor, id: string): Promise<string | ContactDto> {
    const parts = readContactBodyParts(db, actor.userId, id);
    if (parts === null) return get(actor, id);
    if (parts === undefined) throw notFound('Contact');
    const settings = await cachedSettings(db, actor.userId);
    return contactBodyText(parts, strengthOfContact(parts.inputs, { now: clock.now(), settings }));
  }

  /** Validates and normalizes the fields shared by create and update; collects every problem at once. */
  function normalize(input: ContactUpdateInput) {
    const problems: FieldProblem[] = [];
    const emails = input.emails && normalizeEmails(input.emails);
    const phones = input.phones && normalizePhones(input.phones, problems);
    const socialProfiles = input.socialProfiles && normalizeSocialProfiles(input.socialProfiles, problems);
    checkTimeZone(input.timezone, problems);
    throwIfProblems(problems);
    return { emails, phones, socialProfiles };
  }

  async function resolveOrganization(trx: typeof db, actor: Actor, input: ContactUpdateInput, now: string): Promise<string | null | undefined> {
    if (input.organizationId !== undefined && input.organizationId !== null) {
      if (!(await repo.organizationExists(trx, actor.userId, input.organizationId))) throw notFound('Organization');
      return input.organizationId;
    }
    if (input.organization) return repo.ensureOrganization(trx, actor.userId, input.organization, now, newId);
    if (input.organization === null || input.organizationId === null) return null;
    return undefined;
  }

  return {
    get,
    getBody,

    async create(actor: Actor, input: ContactCreateInput): Promise<ContactDto> {
      const { emails = [], phones = [], socialProfiles = [] } = normalize(input);
      const now = nowIso(clock);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const organizationId = (await resolveOrganization(trx, actor, input, now)) ?? null;
        const row: ContactTable = {
          id,
          owner_id: actor.userId,
          name: input.name,
          sort_name: input.name.toLowerCase(),
          given_name: input.givenName ?? null,
          family_name: input.familyName ?? null,
          pronouns: input.pronouns ?? null,
          headline: input.headline ?? null,
          organization_id: organizationId,
          title: input.title ?? null,
          location: input.location ?? null,
          timezone: input.timezone ?? null,
          emails: JSON.stringify(emails),
          phones: JSON.stringify(phones),
          social_profiles: JSON.stringify(socialProfiles),
          birthday: input.birthday ?? null,
          how_we_met: input.howWeMet ?? null,
          circle: input.circle ?? null,
          cadence_days: input.cadenceDays ?? null,
          starred: input.starred ?? false,
          archived: input.archived ?? false,
          last_interaction_at: null,
          next_due_on: null,
          created_at: now,
          updated_at: now,
        };
        row.next_due_on = nextDueOn(row, null, actor.timezone, await readSettings(trx, actor.userId));
        await repo.insertContact(trx, row);
        if (input.tags?.length) await repo.replaceContactTags(trx, actor.userId, id, await repo.ensureTags(trx, actor.userId, input.tags, now, newId));
        await repo.replaceHandles(trx, actor.userId, id, handlesOf({ emails, phones, socialProfiles }));
        await reindexContacts(trx, dialect, actor.userId, [id]);
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: ContactUpdateInput): Promise<ContactDto> {
      const { emails, phones, socialProfiles } = normalize(input);
      const now = nowIso(clock);
      await db.transaction().execute(async (trx) => {
        const current = await repo.findContact(trx, actor.userId, id);
        if (!current) throw notFound('Contact');
        const organizationId = await resolveOrganization(trx, actor, input, now);
        const values: Partial<ContactTable> = { updated_at: now };
        const set = <K extends keyof ContactTable>(key: K, value: ContactTable[K] | undefined) => {
          if (value !== undefined) values[key] = value;
        };
        set('name', input.name);
        set('sort_name', input.name?.toLowerCase());
        set('given_name', input.givenName);
        set('family_name', input.familyName);
        set('pronouns', input.pronouns);
        set('headline', input.headline);
        set('organization_id', organizationId);
        set('title', input.title);
        set('location', input.location);
        set('timezone', input.timezone);
        set('emails', emails && JSON.stringify(emails));
        set('phones', phones && JSON.stringify(phones));
        set('social_profiles', socialProfiles && JSON.stringify(socialProfiles));
        set('birthday', input.birthday);
        set('how_we_met', input.howWeMet);
        set('circle', input.circle);
        set('cadence_days', input.cadenceDays);
        set('starred', input.starred);
        set('archived', input.archived);
        await repo.updateContact(trx, actor.userId, id, values);
        if (input.tags) await repo.replaceContactTags(trx, actor.userId, id, await repo.ensureTags(trx, actor.userId, input.tags, now, newId));
        if (emails || phones || socialProfiles)
          await repo.replaceHandles(trx, actor.userId, id, handlesOf({
            emails: emails ?? JSON.parse(current.emails),
            phones: phones ?? JSON.parse(current.phones),
            socialProfiles: socialProfiles ?? (JSON.parse(current.social_profiles) as SocialProfileDto[]),
          }));
        if (input.cadenceDays !== undefined || input.circle !== undefined) await refreshDerived(trx, actor.userId, [id], actor.timezone, clock.now());
        await reindexContacts(trx, dialect, actor.userId, [id]);
      });
      return get(actor, id);
    },

    /** Deletes the contact with its notes, follow-ups and the interactions no one else took part in. */
    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.findContact(trx, actor.userId, id))) throw notFound('Contact');
        const orphans = await repo.interactionsOnlyWith(trx, actor.userId, id);
        if (orphans.length) await trx.deleteFrom('interaction').where('id', 'in', orphans).where('owner_id', '=', actor.userId).execute();
        await repo.deleteContact(trx, actor.userId, id);
        await removeSearchDocs(trx, dialect, [id, ...orphans]);
      });
    },

    async list(actor: Actor, query: ContactListQueryInput): Promise<{ items: ContactDto[]; nextCursor: string | null }> {
      // On PostgreSQL counted only past its one threshold, which is all the plan choice needs.
      const tag = query.tag ? await repo.findTagWithSize(db, actor.userId, query.tag, dialect === 'postgres' ? POSTGRES_RARE_TAG + 1 : undefined) : undefined;
      const tagId = tag?.id;
      if (query.tag && !tagId) return { items: [], nextCursor: null };
      const filter: repo.ContactFilter = {
        ownerId: actor.userId,
        tagId,
        tagFirst: tag !== undefined && tag.size <= (dialect === 'sqlite' ? RARE_TAG : POSTGRES_RARE_TAG),
        tagProbe: tag !== undefined && (dialect === 'sqlite' ? tag.size >= POPULAR_TAG : tag.size > POSTGRES_RARE_TAG),
        organizationId: query.organizationId,
        circle: query.circle,
        starred: query.starred,
        archived: query.archived ?? false,
        dueOnOrBefore: query.due ? todayIn(clock, actor.timezone) : undefined,
      };
      if (query.q) return listBySearch(actor, query.q, filter, query.limit, query.cursor);

      const cursor = decodeCursor(query.cursor, 3);
      const after = cursor && { phase: cursor[0] === 'null' ? ('null' as const) : ('value' as const), key: cursor[1] as string | null, id: String(cursor[2]) };
      // Tags in the page query, except on SQLite's rare-tag plan: its sort would compute them for every
      // contact of the tag rather than for the page (PostgreSQL reads them for the page alone).
      const pages = await repo.listContacts(db, { ...filter, withTags: !filter.tagFirst || dialect === 'postgres' }, query.sort, query.limit, after);
      const plan = repo.sortPlans[query.sort];
      const tagged = pages.flatMap((p) => p.rows.map((row) => ({ row, phase: p.phase })));
      const items = tagged.slice(0, query.limit);
      const last = items.at(-1);
      const nextCursor =
        tagged.length > query.limit && last
          ? encodeCursor([last.phase, sortKey(last.row, last.phase === 'value' ? plan.column : 'sort_name'), last.row.id])
          : null;
      return { items: await withTags(items.map((i) => i.row)), nextCursor };
    },
  };

  /** With a query the order is relevance; the cursor is the position in the ranked list. */
  async function listBySearch(actor: Actor, q: string, filter: repo.ContactFilter, limit: number, rawCursor?: string) {
    const offset = Number(decodeCursor(rawCursor, 1)?.[0] ?? 0);
    const ranked = await search.contactIds(actor, q);
    const rows = await repo.findContactsByIds(db, actor.userId, ranked);
    const matches = (await repo.listContacts(db, { ...filter, ids: rows.map((r) => r.id) }, 'name', ranked.length || 1)).flatMap((p) => p.rows);
    const allowed = new Set(matches.map((r) => r.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = ranked.filter((id) => allowed.has(id)).map((id) => byId.get(id)!);
    const items = ordered.slice(offset, offset + limit);
    return { items: await withTags(items), nextCursor: offset + limit < ordered.length ? encodeCursor([offset + limit]) : null };
  }
}

export type ContactService = ReturnType<typeof contactService>;
