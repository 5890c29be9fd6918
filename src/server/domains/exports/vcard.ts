import type { ContactDto } from '../../../contracts/contacts';
import { contentLine, escapeText, structured } from './content-line';

export type VCardVersion = '3.0' | '4.0';

/** A contact as exports see it: the API's contact without what is computed on read. */
export type ExportContact = Pick<
  ContactDto,
  | 'id' | 'name' | 'givenName' | 'familyName' | 'pronouns' | 'headline' | 'organization' | 'title' | 'location' | 'timezone' | 'emails' | 'phones'
  | 'socialProfiles' | 'birthday' | 'howWeMet' | 'circle' | 'cadenceDays' | 'tags' | 'starred' | 'archived' | 'lastInteractionAt' | 'nextDueOn' | 'createdAt' | 'updatedAt'
>;

/** Marks the file as Rapport's own: its importer then reads NOTE as how-we-met (imports/vcard.ts, RAPPORT_PRODID). */
const PRODID = '-//Rapport//Rapport contacts export//EN';

/** Service names for X-SOCIALPROFILE's TYPE, as Apple and Nextcloud write them. */
const serviceType: Record<ExportContact['socialProfiles'][number]['type'], string> = {
  linkedin: 'linkedin',
  x: 'twitter',
  github: 'github',
  mastodon: 'mastodon',
  bluesky: 'bluesky',
  website: 'website',
};

/** 2026-03-01T10:20:30.000Z -> 20260301T102030Z (the timestamp form both versions accept). */
const timestamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

/**
 * BDAY: a full date, or a month and day when the year is unknown. vCard 4.0 has `--MMDD`
 * (RFC 6350 4.3.1); 3.0 has no partial date, so it gets `--MM-DD`, which Google and Apple read.
 */
function birthday(value: string, version: VCardVersion): string {
  if (value.startsWith('--')) return version === '4.0' ? `--${value.slice(2, 4)}${value.slice(5, 7)}` : value;
  return version === '4.0' ? value.replace(/-/g, '') : value;
}

/**
 * One contact as one vCard: every field vCard can carry. What it has no property for (headline,
 * circle, cadence, starred) goes into X-RAPPORT-* properties, which other tools keep or ignore.
 */
export function toVCard(c: ExportContact, version: VCardVersion = '4.0'): string {
  const v4 = version === '4.0';
  const text = (value: string) => escapeText(value, !v4);
  let card = `BEGIN:VCARD\r\nVERSION:${version}\r\n`;
  card += contentLine('PRODID', PRODID);
  card += contentLine('UID', v4 ? `urn:uuid:${c.id}` : c.id);
  card += contentLine('FN', text(c.name));
  card += contentLine('N', structured([c.familyName, c.givenName, '', '', '']));
  if (c.pronouns) card += contentLine(v4 ? 'PRONOUNS' : 'X-PRONOUNS', text(c.pronouns));
  c.emails.forEach((email, i) => {
    card += contentLine('EMAIL', text(email), i === 0 ? (v4 ? { PREF: '1' } : { TYPE: 'pref' }) : undefined);
  });
  c.phones.forEach((phone, i) => {
    // Phones are stored in E.164; 4.0 writes them as tel: URIs (RFC 3966), 3.0 as text.
    if (v4) card += contentLine('TEL', `tel:${phone}`, i === 0 ? { VALUE: 'uri', PREF: '1' } : { VALUE: 'uri' });
    else card += contentLine('TEL', text(phone), i === 0 ? { TYPE: 'pref' } : undefined);
  });
  if (c.organization) card += contentLine('ORG', structured([c.organization]));
  if (c.title) card += contentLine('TITLE', text(c.title));
  if (c.location) card += contentLine('ADR', structured(['', '', '', c.location, '', '', '']), v4 ? { LABEL: c.location } : undefined);
  if (c.timezone) card += contentLine('TZ', text(c.timezone), v4 ? undefined : { VALUE: 'text' });
  if (c.birthday) card += contentLine('BDAY', birthday(c.birthday, version), v4 && c.birthday.startsWith('--') ? { VALUE: 'date' } : undefined);
  for (const p of c.socialProfiles) {
    if (p.type === 'website') {
      if (p.url) card += contentLine('URL', p.url);
      continue;
    }
    card += contentLine('X-SOCIALPROFILE', p.url ?? text(p.handle ?? ''), { TYPE: serviceType[p.type], 'X-USER': p.handle ?? undefined });
  }
  if (c.howWeMet) card += contentLine('NOTE', text(c.howWeMet));
  if (c.tags.length) card += contentLine('CATEGORIES', c.tags.map(text).join(','));
  if (c.headline) card += contentLine('X-RAPPORT-HEADLINE', text(c.headline));
  if (c.circle) card += contentLine('X-RAPPORT-CIRCLE', c.circle);
  if (c.cadenceDays) card += contentLine('X-RAPPORT-CADENCE-DAYS', String(c.cadenceDays));
  if (c.starred) card += contentLine('X-RAPPORT-STARRED', 'TRUE');
  card += contentLine('REV', timestamp(c.updatedAt));
  return `${card}END:VCARD\r\n`;
}
