import { stringify } from 'csv-stringify/sync';
import type { ExportContact as ContactDto } from './vcard';

const profileColumns = [
  ['linkedin', 'LinkedIn'],
  ['x', 'X'],
  ['github', 'GitHub'],
  ['mastodon', 'Mastodon'],
  ['bluesky', 'Bluesky'],
  ['website', 'Website'],
] as const;

/**
 * A list in one cell, joined with "; "; an item that holds `;`, `,` or a quote is put in double quotes
 * with its quotes doubled, so the importer (imports/csv-common.ts, splitList) reads the same items back.
 */
export const joinList = (items: string[]) => items.map((t) => (/[;,"]|:::/.test(t) || t !== t.trim() ? `"${t.replace(/"/g, '""')}"` : t)).join('; ');

/** Columns of the contacts CSV, in order; lists (emails, phones, tags) are joined with "; " (joinList). */
export const csvColumns: [string, (c: ContactDto) => string | number | null][] = [
  ['Name', (c) => c.name],
  ['Given name', (c) => c.givenName],
  ['Family name', (c) => c.familyName],
  ['Pronouns', (c) => c.pronouns],
  ['Headline', (c) => c.headline],
  ['Organization', (c) => c.organization],
  ['Title', (c) => c.title],
  ['Email', (c) => c.emails.join('; ')],
  ['Phone', (c) => c.phones.join('; ')],
  ...profileColumns.map(
    ([type, label]) =>
      [label, (c: ContactDto) => c.socialProfiles.filter((p) => p.type === type).map((p) => p.url ?? p.handle).join('; ')] as [string, (c: ContactDto) => string],
  ),
  ['Location', (c) => c.location],
  ['Time zone', (c) => c.timezone],
  ['Birthday', (c) => c.birthday],
  ['How we met', (c) => c.howWeMet],
  ['Tags', (c) => joinList(c.tags)],
  ['Circle', (c) => c.circle],
  ['Cadence days', (c) => c.cadenceDays],
  ['Starred', (c) => (c.starred ? 'yes' : '')],
  ['Archived', (c) => (c.archived ? 'yes' : '')],
  ['Last interaction', (c) => c.lastInteractionAt],
  ['Next due', (c) => c.nextDueOn],
  ['Created', (c) => c.createdAt],
  ['Updated', (c) => c.updatedAt],
  ['ID', (c) => c.id],
];

/**
 * Rows of the contacts CSV (RFC 4180: CRLF, fields with commas, quotes or line breaks quoted), the
 * header with the first chunk only, so chunks can be streamed one after another.
 */
export function csvChunk(contacts: ContactDto[], withHeader: boolean): string {
  const rows = contacts.map((c) => csvColumns.map(([, get]) => get(c) ?? ''));
  return stringify(withHeader ? [csvColumns.map(([name]) => name), ...rows] : rows, { record_delimiter: 'windows' });
}
