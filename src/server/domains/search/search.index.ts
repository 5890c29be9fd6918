import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/dialect';
import type { DB } from '../../db/schema';
import { removeDocs, upsertDocs, type SearchDoc, type UpsertOptions } from './search.repository';

const MAX_NOTES_TEXT = 20_000;

/** What a contact is found by: name, organization, role, emails, tags, location, how we met, notes. */
export function contactDocText(c: {
  name: string;
  organization?: string | null;
  title?: string | null;
  headline?: string | null;
  emails?: string[];
  tags?: string[];
  location?: string | null;
  howWeMet?: string | null;
  notes?: string[];
}): { title: string; body: string } {
  const body = [c.organization, c.title, c.headline, ...(c.emails ?? []), ...(c.tags ?? []), c.location, c.howWeMet, (c.notes ?? []).join('\n').slice(0, MAX_NOTES_TEXT)]
    .filter(Boolean)
    .join('\n');
  return { title: c.name, body };
}

export function interactionDocText(i: { summary: string; notes?: string | null }): { title: string; body: string } {
  return { title: i.summary, body: i.notes ?? '' };
}

type ContactDocFields = Parameters<typeof contactDocText>[0];

/**
 * Indexes contacts the caller has just created, from the values it wrote (no document exists yet, and
 * nothing is read back): organization and tag names as stored, notes as written.
 */
export async function indexNewContacts(db: Kysely<DB>, dialect: Dialect, ownerId: string, contacts: (ContactDocFields & { id: string })[], options: Pick<UpsertOptions, 'terms'> = {}): Promise<void> {
  const docs: SearchDoc[] = contacts.map(({ id, ...fields }) => ({ ownerId, kind: 'contact', refId: id, ...contactDocText(fields) }));
  await upsertDocs(db, dialect, docs, { ...options, fresh: true });
}

/**
 * Rebuilds the search documents of these contacts from what the database holds now.
 * `known`: contacts whose current values the caller holds (organization and tag names as stored, tags
 * in id order as they are read here, notes newest first): their documents are built from those values
 * instead of read back, and written with the others in one pass.
 * `fresh`: contacts just created, with no document yet (nothing to delete first).
 */
export async function reindexContacts(
  db: Kysely<DB>,
  dialect: Dialect,
  ownerId: string,
  contactIds: string[],
  options: UpsertOptions = {},
  known: (ContactDocFields & { id: string })[] = [],
): Promise<void> {
  const docs: SearchDoc[] = known.map(({ id, ...fields }) => ({ ownerId, kind: 'contact', refId: id, ...contactDocText(fields) }));
  if (contactIds.length) for (const doc of await readContactDocs(db, ownerId, contactIds)) docs.push(doc);
  if (docs.length === 0) return;
  await upsertDocs(db, dialect, docs, options);
}

/** The documents of these contacts as the database holds them. */
async function readContactDocs(db: Kysely<DB>, ownerId: string, contactIds: string[]): Promise<SearchDoc[]> {
  // By primary key, owner checked on the rows: with owner_id in the WHERE clause SQLite walks an
  // (owner_id, …) list index, i.e. every contact of the owner (59 ms instead of 4 ms for 500 of 30,000).
  const contacts = (
    await db
      .selectFrom('contact as c')
      .leftJoin('organization as o', 'o.id', 'c.organization_id')
      .select(['c.id', 'c.owner_id', 'c.name', 'c.title', 'c.headline', 'c.emails', 'c.location', 'c.how_we_met', 'o.name as organization'])
      .where('c.id', 'in', contactIds)
      .execute()
  ).filter((c) => c.owner_id === ownerId);
  const tags = await db
    .selectFrom('contact_tag as ct')
    .innerJoin('tag as t', 't.id', 'ct.tag_id')
    .select(['ct.contact_id', 't.name'])
    .where('ct.contact_id', 'in', contactIds)
    .execute();
  const notes = await db.selectFrom('note').select(['contact_id', 'body']).where('contact_id', 'in', contactIds).orderBy('created_at', 'desc').execute();
  const group = <T extends { contact_id: string }>(rows: T[], pick: (r: T) => string) => {
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.contact_id, [...(map.get(r.contact_id) ?? []), pick(r)]);
    return map;
  };
  const tagMap = group(tags, (r) => r.name);
  const noteMap = group(notes, (r) => r.body);
  return contacts.map((c) => ({
    ownerId,
    kind: 'contact',
    refId: c.id,
    ...contactDocText({
      name: c.name,
      organization: c.organization,
      title: c.title,
      headline: c.headline,
      emails: JSON.parse(c.emails) as string[],
      tags: tagMap.get(c.id),
      location: c.location,
      howWeMet: c.how_we_met,
      notes: noteMap.get(c.id),
    }),
  }));
}

export async function indexInteractions(
  db: Kysely<DB>,
  dialect: Dialect,
  ownerId: string,
  interactions: { id: string; summary: string; notes: string | null }[],
): Promise<void> {
  await upsertDocs(
    db,
    dialect,
    interactions.map((i) => ({ ownerId, kind: 'interaction', refId: i.id, ...interactionDocText(i) })),
  );
}

export { removeDocs as removeSearchDocs };
