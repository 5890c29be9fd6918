import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactDto } from '../../../contracts/contacts';
import { parseVCardText } from '../imports/vcard';
import { toVCard } from './vcard';

/** Rapport's importer collapses runs of whitespace in one-line fields; notes keep their lines. */
const oneLine = (s: string | null) => s?.replace(/\s+/g, ' ').trim() || null;

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0);
const contact = fc.record({
  name: text,
  givenName: fc.option(text),
  familyName: fc.option(text),
  organization: fc.option(text),
  title: fc.option(text),
  location: fc.option(text),
  howWeMet: fc.option(text),
  pronouns: fc.option(text),
  headline: fc.option(text),
  timezone: fc.constantFrom(null, 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'UTC'),
  circle: fc.constantFrom(null, 'inner', 'acquaintance'),
  cadenceDays: fc.option(fc.integer({ min: 1, max: 3650 })),
  starred: fc.boolean(),
  tags: fc.uniqueArray(text.map((t) => t.replace(/\s+/g, ' ').trim()), { maxLength: 4, selector: (t) => t.toLowerCase() }),
  birthday: fc.constantFrom(null, '1990-02-28', '--12-10', '--02-29'),
  emails: fc.uniqueArray(fc.emailAddress(), { maxLength: 3 }),
  phones: fc.subarray(['+442079460958', '+14155550100', '+819012345678']),
});

const base = {
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  pronouns: 'they/them',
  headline: null,
  organizationId: null,
  timezone: 'Europe/Berlin',
  circle: null,
  cadenceDays: null,
  starred: false,
  archived: false,
  lastInteractionAt: null,
  nextDueOn: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  socialProfiles: [
    { type: 'linkedin', url: 'https://www.linkedin.com/in/ada-l', handle: 'ada-l' },
    { type: 'x', url: 'https://x.com/ada', handle: 'ada' },
    { type: 'github', url: 'https://github.com/ada', handle: null },
    { type: 'mastodon', url: 'https://hachyderm.io/@ada', handle: 'ada@hachyderm.io' },
    { type: 'bluesky', url: 'https://bsky.app/profile/ada.bsky.social', handle: null },
    { type: 'website', url: 'https://ada.dev/about?x=1,2;3', handle: null },
  ],
};

describe.each(['4.0', '3.0'] as const)('vCard %s export read back by Rapport’s own importer', (version) => {
  it('keeps every field the importer reads, for any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(contact, { minLength: 1, maxLength: 3 }), async (contacts) => {
        const dtos = contacts.map((c, i) => ({ ...base, ...c, id: `${base.id.slice(0, -1)}${i}` }) as unknown as ContactDto);
        const read = await parseVCardText(dtos.map((c) => toVCard(c, version)).join(''));
        expect(read).toHaveLength(dtos.length);
        read.forEach((got, i) => {
          const c = dtos[i]!;
          expect(got.name).toBe(oneLine(c.name));
          expect(got.givenName).toBe(oneLine(c.givenName));
          expect(got.familyName).toBe(oneLine(c.familyName));
          expect(got.organization).toBe(oneLine(c.organization));
          expect(got.title).toBe(oneLine(c.title));
          expect(got.location).toBe(oneLine(c.location));
          expect(got.birthday).toBe(c.birthday);
          expect(got.emails).toEqual(c.emails);
          expect(got.phones).toEqual(c.phones);
          expect(got.tags).toEqual(c.tags);
          // Rapport's own export (its PRODID): NOTE is how-we-met, not a note.
          expect(got.howWeMet).toBe(c.howWeMet?.replace(/\r\n?/g, '\n').trim() || null);
          expect(got.note).toBeNull();
          expect(got.pronouns).toBe(oneLine(c.pronouns));
          expect(got.headline).toBe(oneLine(c.headline));
          expect(got.timezone).toBe(c.timezone);
          expect(got.circle).toBe(c.circle);
          expect(got.cadenceDays).toBe(c.cadenceDays);
          expect(got.starred).toBe(c.starred);
          expect(got.socialProfiles.map((p) => [p.type, p.url, p.handle])).toEqual(c.socialProfiles.map((p) => [p.type, p.url, p.handle]));
        });
      }),
      { numRuns: 150 },
    );
  });
});
