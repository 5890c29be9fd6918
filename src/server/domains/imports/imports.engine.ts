import type { Kysely } from 'kysely';
import type { SocialProfileDto } from '../../../contracts/contacts';
import type { ImportProblemDto, ImportSummaryDto } from '../../../contracts/imports';
import type { Dialect } from '../../db/dialect';
import type { ContactHandleTable, ContactTable, ContactTagTable, DB } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { nextDueOn, refreshDerived } from '../contacts/contacts.derived';
import { readSettings, type RelationshipSettingValues } from '../relationships/settings';
import { indexInteractions, indexNewContacts, reindexContacts } from '../search/search.index';
import type { EventCandidate } from './candidate';
import * as repo from './imports.repository';
import { normalizeCandidate, type NormalContact } from './normalize';
import type { OpenedImport } from './source';

export const MAX_PROBLEMS = 1000;
const BATCH = 500;

export interface ImportItem {
  kind: 'contact_created' | 'contact_merged' | 'note_created' | 'interaction_created' | 'organization_created' | 'tag_created';
  refId: string;
  before: string | null;
}

interface PendingNew {
  id: string;
  contact: NormalContact;
  notes: string[];
}

interface PendingMerge {
  id: string;
  contact: NormalContact;
  line: number;
}

/**
 * A merged contact's undo record: the values before this batch of the columns it changed (in
 * mergedColumns' order; the next due date too when a circle or cadence was filled in, which
 * refreshDerived moves), and the handles and tags it added. Undo puts those columns back and deletes
 * those rows; everything else of the contact is as the import found it. (Records written before
 * 7 December 2026 hold all the columns and every handle and tag: undo still reads them.)
 */
function undoRecord(before: repo.MergedValues, changed: Set<repo.MergedColumn>, derived: boolean, s: repo.MergeState): string {
  const row: Record<string, unknown> = {};
  for (const c of repo.mergedColumns) if (changed.has(c) || (derived && c === 'next_due_on')) row[c] = before[c];
  return JSON.stringify({ row, addedHandles: s.newHandles, addedTagIds: s.newTagIds });
}
/**
 * A map keyed by two strings, held as a map of maps: the match index has ~100,000 entries, and a
 * joined key would be a new string to build and hash for every entry and every lookup.
 */
function pairMap() {
  const outer = new Map<string, Map<string, string>>();
  return {
    get: (a: string, b: string): string | undefined => outer.get(a)?.get(b),
    /** Sets the value unless the pair has one already (the first contact for a key wins). */
    add(a: string, b: string, value: string): void {
      let inner = outer.get(a);
      if (!inner) outer.set(a, (inner = new Map()));
      if (!inner.has(b)) inner.set(b, value);
    },
  };
}
/** Name + organization, as matching compares them: trimmed, lower case. */
const orgKey = (organization: string | null) => (organization ?? '').trim().toLowerCase();
const nameKey = (name: string) => name.trim().toLowerCase();
const MATCH_ORDER = ['email', 'phone', 'profile'];

/** Fills a merged contact's empty column with the file's value; says whether it did (and notes the column as changed). */
function fill<K extends repo.MergedColumn>(row: repo.MergedValues, columns: Set<repo.MergedColumn>, key: K, value: ContactTable[K] | null): boolean {
  if ((row[key] === null || row[key] === undefined) && value !== null && value !== undefined) {
    row[key] = value as ContactTable[K];
    columns.add(key);
    return true;
  }
  return false;
}

/** Adds to a merged contact's JSON list column the values it lacks (up to 20 in all); says whether it added any. */
function unionInto<T>(row: repo.MergedValues, columns: Set<repo.MergedColumn>, key: 'emails' | 'phones' | 'social_profiles', add: T[], same: (a: T, b: T) => boolean): boolean {
  if (add.length === 0) return false;
  const list = JSON.parse(row[key]) as T[];
  let grew = false;
  for (const v of add)
    if (list.length < 20 && !list.some((x) => same(x, v))) {
      list.push(v);
      grew = true;
    }
  if (!grew) return false;
  row[key] = JSON.stringify(list);
  columns.add(key);
  return true;
}
const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const samePhone = (a: string, b: string) => a === b;
const sameProfile = (a: SocialProfileDto, b: SocialProfileDto) => a.type === b.type && (a.url ?? a.handle) === (b.url ?? b.handle);

/**
 * Every contact's handles as the database holds them during the import: those the match index read
 * (which hold them all), then what the import writes. A merge takes a contact's handles from here
 * instead of reading them again (15,000 contacts for the bench's LinkedIn file). `of` returns the
 * list the merge state keeps and adds to: the handles a merge adds are written with it.
 */
function handleBook(indexed: { kind: string; value: string; contact_id: string; seq: number | null }[]) {
  const read = new Map<string, typeof indexed>();
  for (const h of indexed) {
    const list = read.get(h.contact_id);
    if (list) list.push(h);
    else read.set(h.contact_id, [h]);
  }
  const current = new Map<string, { kind: string; value: string }[]>();
  return {
    of(contactId: string): { kind: string; value: string }[] {
      let list = current.get(contactId);
      if (!list) {
        const rows = read.get(contactId) ?? [];
        // As a read by contact_id returns them (SQLite: rowid order; `seq` is null on PostgreSQL, which gives no order).
        if (rows.length > 1 && rows[0]!.seq !== null) rows.sort((a, b) => a.seq! - b.seq!);
        list = rows.map((h) => ({ kind: h.kind, value: h.value }));
        current.set(contactId, list);
      }
      return list;
    },
    /** A contact the import has just written, with these handles (a repeated one is written once). */
    created(contactId: string, written: { kind: string; value: string }[]): void {
      // Plain loops: 15,000 new contacts of one or two handles each in the bench's file.
      const list: { kind: string; value: string }[] = [];
      for (const h of written) {
        let seen = false;
        for (const x of list) if (x.kind === h.kind && x.value === h.value) seen = true;
        if (!seen) list.push({ kind: h.kind, value: h.value });
      }
      current.set(contactId, list);
    },
  };
}
/** The merged columns a contact's search document is made of (search.index.ts, reindexContacts); the name is never changed by a merge. */
const searchedColumns: repo.MergedColumn[] = ['organization_id', 'title', 'headline', 'emails', 'location', 'how_we_met'];

/**
 * Runs an import inside the caller's transaction: reads every row, matches it against the owner's
 * contacts (email, phone, profile URL, then name + organization, and the rows before it in the same
 * file), creates or merges in batches, and returns the counts with what it did (for undo).
 * Every row read lands in exactly one count.
 */
export async function runImport(
  trx: Kysely<DB>,
  env: { dialect: Dialect; actor: Actor; now: string; newId: () => string; importId: string; createContacts: boolean },
  opened: OpenedImport,
): Promise<{ summary: ImportSummaryDto; items: ImportItem[] }> {
  const { actor, now, newId, dialect } = env;
  const ownerId = actor.userId;
  const counts = { rows: 0, new: 0, merged: 0, unchanged: 0, skipped: 0, failed: 0 };
  const problems: ImportProblemDto[] = [];
  let problemCount = 0;
  const problem = (line: number, outcome: ImportProblemDto['outcome'], reason: string) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push({ line, outcome, reason });
  };
  const items: ImportItem[] = [];

  const index = await repo.loadMatchIndex(trx, ownerId);
  // Handles by kind, then value; names by organization, then name.
  const handles = pairMap();
  for (const h of index.handles) handles.add(h.kind, h.value, h.contact_id);
  const book = handleBook(index.handles);
  const names = pairMap();
  for (const c of index.contacts) names.add(orgKey(c.organization_key), nameKey(c.sort_name), c.id);
  /** Organization names by id as the import found them (those it creates are in orgNameById). */
  const ownerOrgNames = index.organizationNames;
  const created = new Set<string>();
  let pendingNew = new Map<string, PendingNew>();
  let pendingMerges: PendingMerge[] = [];
  const touchedForDerived = new Set<string>();
  const keys = opened.format === 'icalendar' ? await repo.loadImportKeys(trx, ownerId, 'ics:') : new Set<string>();
  const ownEmail = actor.email.toLowerCase();
  let settingsCache: RelationshipSettingValues | undefined;
  /** Vocabulary words this import has written (each batch sends only the words it adds). */
  const terms = new Set<string>();
  /** The owner's tag names by id, read when a merged contact's document is first built (and kept up to date with the tags this import creates). */
  let ownerTagNames: Map<string, string> | undefined;
  /** Organizations and tags this import has looked up or created: ids by name key, names as stored by id. */
  const knownOrgs = new Map<string, string>();
  const orgNameById = new Map<string, string>();
  const knownTags = new Map<string, string>();
  const tagNameById = new Map<string, string>();

  /** `org` and `name`: the row's keys (orgKey, nameKey), made once for findMatch and remember. */
  function findMatch(c: NormalContact, org: string, name: string): string | undefined {
    for (const kind of MATCH_ORDER)
      for (const h of c.handles) {
        if (h.kind !== kind) continue;
        const id = handles.get(h.kind, h.value);
        if (id) return id;
      }
    return names.get(org, name);
  }

  function remember(id: string, c: NormalContact, org = orgKey(c.organization), name = nameKey(c.name)) {
    for (const h of c.handles) handles.add(h.kind, h.value, id);
    names.add(org, name, id);
  }

  /**
   * Organization ids by the name as the file spells it, once known: a row's organization is looked up
   * three or four times (its row, its search document, the next batch's list of names), and its key
   * (trimmed, lower case) would be a new string each time.
   */
  const orgIdByName = new Map<string, string>();
  const orgId = (name: string | null): string | null => {
    if (!name) return null;
    let id = orgIdByName.get(name);
    if (id === undefined) {
      id = knownOrgs.get(name.trim().toLowerCase());
      if (id === undefined) return null;
      orgIdByName.set(name, id);
    }
    return id;
  };

  /** Merges into a contact created earlier in this file (still in memory): fills what it lacks. */
  function mergePending(target: PendingNew, c: NormalContact): boolean {
    const t = target.contact;
    let changed = false;
    for (const k of ['givenName', 'familyName', 'organization', 'title', 'location', 'birthday', 'howWeMet', 'pronouns', 'headline', 'timezone', 'circle', 'cadenceDays'] as const)
      if (t[k] === null && c[k] !== null) {
        (t as unknown as Record<string, unknown>)[k] = c[k];
        changed = true;
      }
    if (c.starred && !t.starred) {
      t.starred = true;
      changed = true;
    }
    const addAll = <T>(into: T[], from: T[], same: (a: T, b: T) => boolean, max: number) => {
      for (const v of from)
        if (into.length < max && !into.some((x) => same(x, v))) {
          into.push(v);
          changed = true;
        }
    };
    addAll(t.emails, c.emails, (a, b) => a.toLowerCase() === b.toLowerCase(), 20);
    addAll(t.phones, c.phones, (a, b) => a === b, 20);
    addAll(t.socialProfiles, c.socialProfiles, (a, b) => a.type === b.type && a.url === b.url && a.handle === b.handle, 20);
    addAll(t.tags, c.tags, (a, b) => a.toLowerCase() === b.toLowerCase(), 50);
    addAll(t.handles, c.handles, (a, b) => a.kind === b.kind && a.value === b.value, 1000);
    if (c.note && !target.notes.includes(c.note)) {
      target.notes.push(c.note);
      changed = true;
    }
    return changed;
  }

  async function flush() {
    if (pendingNew.size === 0 && pendingMerges.length === 0) return;
    const news = [...pendingNew.values()];
    const merges = pendingMerges;
    pendingNew = new Map();
    pendingMerges = [];

    // Organizations and tags by name, created once; a name is looked up once per import (a file names
    // the same organizations batch after batch).
    const orgNames = [...news.map((n) => n.contact.organization), ...merges.map((m) => m.contact.organization)].filter((o): o is string => !!o && !orgIdByName.has(o) && !knownOrgs.has(o.trim().toLowerCase()));
    const orgs = await repo.ensureOrganizations(trx, ownerId, orgNames, now, newId);
    for (const id of orgs.created) items.push({ kind: 'organization_created', refId: id, before: null });
    for (const [key, id] of orgs.ids) {
      knownOrgs.set(key, id);
      orgNameById.set(id, orgs.names.get(key)!);
    }
    const tagNames = [...news.flatMap((n) => n.contact.tags), ...merges.flatMap((m) => m.contact.tags)].filter((t) => !knownTags.has(t.trim().toLowerCase()));
    const tags = await repo.ensureTags(trx, ownerId, tagNames, now, newId);
    for (const id of tags.created) items.push({ kind: 'tag_created', refId: id, before: null });
    for (const [key, id] of tags.ids) {
      knownTags.set(key, id);
      tagNameById.set(id, tags.names.get(id)!);
    }
    const tagIds = (list: string[]): string[] => (list.length === 0 ? [] : [...new Set(list.map((t) => knownTags.get(t.trim().toLowerCase())).filter((t): t is string => !!t))]);

    // A new contact in a circle or with a cadence is due from today (as one added through the API).
    const settings = news.some((n) => n.contact.circle || n.contact.cadenceDays) ? (settingsCache ??= await readSettings(trx, ownerId)) : null;
    const rows: ContactTable[] = news.map(({ id, contact: c }) => ({
      id,
      owner_id: ownerId,
      name: c.name,
      sort_name: c.name.toLowerCase(),
      given_name: c.givenName,
      family_name: c.familyName,
      pronouns: c.pronouns,
      headline: c.headline,
      organization_id: orgId(c.organization),
      title: c.title,
      location: c.location,
      timezone: c.timezone,
      emails: JSON.stringify(c.emails),
      phones: JSON.stringify(c.phones),
      social_profiles: JSON.stringify(c.socialProfiles),
      birthday: c.birthday,
      how_we_met: c.howWeMet,
      circle: c.circle,
      cadence_days: c.cadenceDays,
      starred: c.starred,
      archived: false,
      last_interaction_at: null,
      next_due_on: c.circle || c.cadenceDays ? nextDueOn({ cadence_days: c.cadenceDays, circle: c.circle, created_at: now }, null, actor.timezone, settings!) : null,
      created_at: now,
      updated_at: now,
    }));
    await repo.insertContacts(trx, rows);
    await repo.insertHandles(trx, news.flatMap((n) => n.contact.handles.map((h) => ({ owner_id: ownerId, kind: h.kind, value: h.value, contact_id: n.id }))));
    for (const n of news) book.created(n.id, n.contact.handles);
    await repo.insertContactTags(trx, news.flatMap((n) => tagIds(n.contact.tags).map((tag_id) => ({ contact_id: n.id, tag_id, owner_id: ownerId }))));
    const newNotesOf = news.map((n) => [...(n.contact.note ? [n.contact.note] : []), ...n.notes]);
    const newNotes = news.flatMap((n, i) => newNotesOf[i]!.map((body) => ({ contactId: n.id, body })));
    await repo.insertNotes(trx, ownerId, newNotes, now, newId);
    for (const n of news) {
      created.add(n.id);
      items.push({ kind: 'contact_created', refId: n.id, before: null });
    }

    // Merges into contacts that exist in the database: fill what they lack, add what is new.
    const changedIds = new Set<string>();
    const searchChanged = new Set<string>();
    let mergeState = new Map<string, repo.MergeState>();
    if (merges.length) {
      const ids = [...new Set(merges.map((m) => m.id))];
      const state = (mergeState = await repo.loadMergeState(trx, ownerId, ids, book.of));
      /** Each contact's row as this batch found it (before its first merge here), for its undo record. */
      const found = new Map<string, repo.MergedValues>();
      const changedColumns = new Map<string, Set<repo.MergedColumn>>();
      for (const m of merges) {
        const s = state.get(m.id);
        if (!s) {
          counts.unchanged++;
          continue;
        }
        // Contacts this import created need no undo record (undo deletes them).
        if (!created.has(m.id) && !found.has(m.id)) found.set(m.id, { ...s.row });
        const c = m.contact;
        const row = s.row;
        let changed = false;
        const columns = (changedColumns.get(m.id) ?? changedColumns.set(m.id, new Set()).get(m.id))!;
        // Module-level helpers, not closures made anew for each of the 15,000 rows the bench file merges.
        changed = fill(row, columns, 'given_name', c.givenName) || changed;
        changed = fill(row, columns, 'family_name', c.familyName) || changed;
        changed = fill(row, columns, 'organization_id', orgId(c.organization)) || changed;
        changed = fill(row, columns, 'title', c.title) || changed;
        changed = fill(row, columns, 'location', c.location) || changed;
        changed = fill(row, columns, 'birthday', c.birthday) || changed;
        changed = fill(row, columns, 'how_we_met', c.howWeMet) || changed;
        changed = fill(row, columns, 'pronouns', c.pronouns) || changed;
        changed = fill(row, columns, 'headline', c.headline) || changed;
        changed = fill(row, columns, 'timezone', c.timezone) || changed;
        const circleBefore = row.circle;
        const cadenceBefore = row.cadence_days;
        changed = fill(row, columns, 'circle', c.circle) || changed;
        changed = fill(row, columns, 'cadence_days', c.cadenceDays) || changed;
        // The next due date follows a circle or cadence filled in (refreshDerived, with the contact's interactions).
        if (row.circle !== circleBefore || row.cadence_days !== cadenceBefore) touchedForDerived.add(m.id);
        if (c.starred && !row.starred) {
          row.starred = true;
          columns.add('starred');
          changed = true;
        }
        changed = unionInto(row, columns, 'emails', c.emails, sameEmail) || changed;
        changed = unionInto(row, columns, 'phones', c.phones, samePhone) || changed;
        changed = unionInto(row, columns, 'social_profiles', c.socialProfiles, sameProfile) || changed;
        for (const h of c.handles)
          if (!s.handles.some((x) => x.kind === h.kind && x.value === h.value)) {
            s.handles.push(h);
            s.newHandles.push(h);
            changed = true;
          }
        for (const t of tagIds(c.tags))
          if (!s.tagIds.has(t)) {
            s.tagIds.add(t);
            s.newTagIds.push(t);
            changed = true;
            searchChanged.add(m.id);
          }
        if (c.note && !s.notes.has(c.note)) {
          s.notes.add(c.note);
          s.newNotes.push(c.note);
          changed = true;
          searchChanged.add(m.id);
        }
        // What the search document holds (search.text.ts, contactDocText): organization, title, headline, emails, location, how we met.
        for (const k of searchedColumns) if (columns.has(k)) searchChanged.add(m.id);
        if (changed) {
          row.updated_at = now;
          counts.merged++;
          changedIds.add(m.id);
        } else counts.unchanged++;
        for (const w of c.warnings) problem(m.line, 'warning', w);
      }
      const handleRows: ContactHandleTable[] = [];
      const tagRows: ContactTagTable[] = [];
      const noteRows: { contactId: string; body: string }[] = [];
      const updates: { id: string; values: repo.MergedValues; changed: Set<repo.MergedColumn> }[] = [];
      for (const id of changedIds) {
        const s = state.get(id)!;
        const r = s.row;
        const changed = changedColumns.get(id)!.add('updated_at');
        updates.push({ id, values: s.row, changed });
        for (const h of s.newHandles) handleRows.push({ owner_id: ownerId, kind: h.kind, value: h.value, contact_id: id });
        for (const tag_id of s.newTagIds) tagRows.push({ contact_id: id, tag_id, owner_id: ownerId });
        for (const body of s.newNotes) noteRows.push({ contactId: id, body });
        const was = found.get(id);
        if (was) items.push({ kind: 'contact_merged', refId: id, before: undoRecord(was, changed, touchedForDerived.has(id), s) });
      }
      await repo.updateContactRows(trx, ownerId, updates);
      await repo.insertHandles(trx, handleRows);
      await repo.insertContactTags(trx, tagRows);
      for (const noteId of await repo.insertNotes(trx, ownerId, noteRows, now, newId)) items.push({ kind: 'note_created', refId: noteId, before: null });
    }
    // New contacts have no search document yet: indexed from the values just written (organization and
    // tag names as stored). Merged ones are indexed again, from the database, only when their searchable text changed.
    await indexNewContacts(
      trx,
      dialect,
      ownerId,
      news.map(({ id, contact: c, notes }, i) => ({
        id,
        name: c.name,
        organization: c.organization ? (orgNameById.get(orgId(c.organization)!) ?? null) : null,
        title: c.title,
        headline: c.headline,
        emails: c.emails,
        tags: tagIds(c.tags).sort().map((t) => tagNameById.get(t)!),
        location: c.location,
        howWeMet: c.howWeMet,
        notes: newNotesOf[i],
      })),
      { terms },
    );
    if (searchChanged.size === 0) return;
    // Merged contacts' documents from the merge state (the row as updated, its tags and name) instead of
    // read back; a contact with notes is read back (notes come newest first, and the merge state keeps
    // their texts only).
    ownerTagNames ??= await repo.loadTagNames(trx, ownerId);
    const fromState: NonNullable<Parameters<typeof reindexContacts>[5]> = [];
    const readBack: string[] = [];
    for (const id of searchChanged) {
      const s = mergeState.get(id)!;
      if (s.notes.size > 0) {
        readBack.push(id);
        continue;
      }
      const r = s.row;
      fromState.push({
        id,
        name: s.name,
        organization: r.organization_id === null ? null : (orgNameById.get(r.organization_id) ?? ownerOrgNames.get(r.organization_id) ?? null),
        title: r.title,
        headline: r.headline,
        emails: JSON.parse(r.emails) as string[],
        tags: [...s.tagIds].sort().map((t) => (tagNameById.get(t) ?? ownerTagNames!.get(t))!),
        location: r.location,
        howWeMet: r.how_we_met,
      });
    }
    await reindexContacts(trx, dialect, ownerId, readBack, { terms }, fromState);
  }

  async function importEvent(line: number, event: EventCandidate) {
    if (keys.has(event.key)) {
      counts.unchanged++;
      return;
    }
    const participantIds: string[] = [];
    const unknown: string[] = [];
    for (const a of event.attendees) {
      if (a.email === ownEmail) continue;
      const id = handles.get('email', a.email);
      if (id) {
        if (!participantIds.includes(id)) participantIds.push(id);
      } else if (env.createContacts) {
        const normal = normalizeCandidate({
          name: a.name, givenName: null, familyName: null, organization: null, title: null, location: null, birthday: null,
          emails: [a.email], phones: [], socialProfiles: [], note: null, tags: [], howWeMet: `Met in "${event.summary}"`.slice(0, 2000),
        });
        if (!normal.ok) continue;
        const id = newId();
        pendingNew.set(id, { id, contact: normal.contact, notes: [] });
        remember(id, normal.contact);
        participantIds.push(id);
      } else unknown.push(a.email);
    }
    if (participantIds.length === 0) {
      counts.skipped++;
      problem(line, 'skipped', `"${event.summary}" on ${event.occurredAt.slice(0, 10)}: no attendee is one of your contacts${unknown.length ? ` (${unknown.slice(0, 3).join(', ')})` : ''}`);
      return;
    }
    if (participantIds.some((id) => pendingNew.has(id))) await flush();
    const id = newId();
    await repo.insertInteraction(trx, {
      id,
      owner_id: ownerId,
      kind: 'meeting',
      occurred_at: event.occurredAt,
      duration_minutes: event.durationMinutes,
      initiated_by: null,
      summary: event.summary,
      notes: event.notes,
      created_at: now,
      updated_at: now,
    }, participantIds);
    await repo.insertImportKey(trx, { owner_id: ownerId, key: event.key, ref_id: id, import_id: env.importId });
    keys.add(event.key);
    await indexInteractions(trx, dialect, ownerId, [{ id, summary: event.summary, notes: event.notes }]);
    for (const p of participantIds) touchedForDerived.add(p);
    items.push({ kind: 'interaction_created', refId: id, before: null });
    counts.new++;
  }

  for await (const row of opened.rows) {
    counts.rows++;
    if (row.kind === 'skipped' || row.kind === 'failed') {
      counts[row.kind]++;
      problem(row.line, row.kind, row.reason);
      continue;
    }
    if (row.kind === 'event') {
      await importEvent(row.line, row.event);
      continue;
    }
    if (row.kind !== 'contact') continue;
    const checked = normalizeCandidate(row.contact);
    if (!checked.ok) {
      counts[checked.outcome]++;
      problem(row.line, checked.outcome, checked.reason);
      continue;
    }
    const c = checked.contact;
    const org = orgKey(c.organization);
    const name = nameKey(c.name);
    const match = findMatch(c, org, name);
    if (match && pendingNew.has(match)) {
      if (mergePending(pendingNew.get(match)!, c)) counts.merged++;
      else counts.unchanged++;
      for (const w of c.warnings) problem(row.line, 'warning', w);
      remember(match, c, org, name);
    } else if (match) {
      pendingMerges.push({ id: match, contact: c, line: row.line });
      remember(match, c, org, name);
    } else {
      const id = newId();
      pendingNew.set(id, { id, contact: c, notes: [] });
      remember(id, c, org, name);
      counts.new++;
      for (const w of c.warnings) problem(row.line, 'warning', w);
    }
    if (pendingNew.size + pendingMerges.length >= BATCH) await flush();
  }
  await flush();
  if (touchedForDerived.size) {
    const ids = [...touchedForDerived];
    for (let i = 0; i < ids.length; i += BATCH) await refreshDerived(trx, ownerId, ids.slice(i, i + BATCH), actor.timezone, new Date(now));
  }
  problems.sort((a, b) => a.line - b.line);
  return {
    summary: {
      ...counts,
      problems,
      problemsTruncated: problemCount > problems.length,
      encoding: opened.encoding,
      headers: opened.headers,
      columnMap: opened.columnMap,
    },
    items,
  };
}
