import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';

/**
 * Export → import through the whole importer (upload, preview, apply into another account): what the
 * other account ends up with. The parser-level property test is vcard-roundtrip.test.ts.
 */
describe.each(dialects)('vCard export imported by Rapport on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    alice = await t.signUp();
  });
  afterAll(() => t?.close());

  const contactsOf = async (user: TestUser) =>
    ((await t.app.inject({ method: 'GET', url: '/api/v1/contacts?limit=200', headers: user.auth })).json().items as Record<string, unknown>[]).sort((a, b) =>
      String(a.name).localeCompare(String(b.name)),
    );
  const carried = (c: Record<string, unknown>) => ({
    name: c.name,
    givenName: c.givenName,
    familyName: c.familyName,
    emails: c.emails,
    phones: c.phones,
    organization: c.organization,
    title: c.title,
    location: c.location,
    birthday: c.birthday,
    tags: c.tags,
    socialProfiles: (c.socialProfiles as { type: string; url: string | null; handle: string | null }[]).map((p) => [p.type, p.url, p.handle]),
    pronouns: c.pronouns,
    headline: c.headline,
    timezone: c.timezone,
    howWeMet: c.howWeMet,
    circle: c.circle,
    cadenceDays: c.cadenceDays,
    starred: c.starred,
  });
  /** Every field a contact has, apart from those computed or kept by Rapport alone: the list above must name each of them. */
  const notCarried = ['id', 'organizationId', 'strength', 'archived', 'lastInteractionAt', 'nextDueOn', 'createdAt', 'updatedAt'];

  it.each(['4.0', '3.0'])('vCard %s: every contact arrives with every field vCard carries, how-we-met as how-we-met (no note)', async (version) => {
    if (version === '4.0') {
      const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: alice.auth, payload });
      await post({
        name: 'Ada Lovelace, Countess',
        givenName: 'Ada',
        familyName: 'Lovelace; King',
        emails: ['ada@example.com', 'countess@example.org'],
        phones: ['+44 20 7946 0958', '+1 415 555 0100'],
        organization: 'Analytical Engines; Ltd',
        title: 'Programmer, first',
        location: 'London',
        birthday: '--12-10',
        tags: ['math', 'a,b', 'Zürich', 'x;y', 'say "hi"', 'c ::: d'],
        socialProfiles: [{ type: 'github', handle: 'ada' }, { type: 'linkedin', url: 'https://www.linkedin.com/in/ada-l' }, { type: 'website', url: 'https://ada.dev/' }],
        howWeMet: 'At the salon; we talked about engines.\nSecond line: ünïcødé 日本語',
        pronouns: 'she/her',
        headline: 'Poet of science, engines; numbers',
        timezone: 'Europe/London',
        circle: 'inner',
        cadenceDays: 14,
        starred: true,
      });
      await post({
        name: 'Grace Hopper',
        birthday: '1906-12-09',
        emails: ['grace@example.com'],
        socialProfiles: [{ type: 'mastodon', handle: '@grace@hachyderm.io' }, { type: 'x', handle: 'grace' }, { type: 'bluesky', url: 'https://bsky.app/profile/grace.bsky.social' }],
        timezone: 'America/New_York',
        circle: 'wider',
        pronouns: 'she/her',
      });
      await post({ name: '李小龍', phones: ['+85291234567'] });
    }
    const exported = await t.app.inject({ method: 'GET', url: `/api/v1/export/contacts.vcf?version=${version}`, headers: alice.auth });
    const reader = await t.signUp();
    const { imports } = t.app.services;
    const preview = await imports.upload(reader.actor, Readable.from([Buffer.from(exported.body)]), 'contacts.vcf', {});
    expect(preview).toMatchObject({ rows: 3, new: 3, failed: 0, skipped: 0 });
    await imports.apply(reader.actor, preview.id);

    const [theirs, ours] = await Promise.all([contactsOf(reader), contactsOf(alice)]);
    expect(theirs.map(carried)).toEqual(ours.map(carried));
    // Nothing left out of the comparison by accident: every field is compared or named as not carried.
    expect(Object.keys(ours[0]!).filter((k) => !(k in carried(ours[0]!)) && !notCarried.includes(k))).toEqual([]);
    const ada = theirs.find((c) => c.name === 'Ada Lovelace, Countess')!;
    expect(ada).toMatchObject({ pronouns: 'she/her', timezone: 'Europe/London', circle: 'inner', cadenceDays: 14, starred: true, howWeMet: expect.stringContaining('At the salon') });
    expect(ada.nextDueOn).not.toBeNull(); // due from the day it was imported, as a contact added with a cadence
    const notes = (await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${ada.id}/notes`, headers: reader.auth })).json().items as { body: string }[];
    expect(notes).toEqual([]);

    // Importing the same file again creates nothing.
    const again = await imports.upload(reader.actor, Readable.from([Buffer.from(exported.body)]), 'contacts.vcf', {});
    expect(again).toMatchObject({ new: 0, failed: 0 });
  });

  it.each(['4.0', '3.0'])('vCard %s from another tool (no Rapport PRODID): NOTE becomes a note on the contact', async (version) => {
    const exported = await t.app.inject({ method: 'GET', url: `/api/v1/export/contacts.vcf?version=${version}`, headers: alice.auth });
    const foreign = exported.body.replace(/^PRODID:.*\r\n/gm, '').replace(/^X-RAPPORT-[^\r]*\r\n/gm, '');
    const reader = await t.signUp();
    const { imports } = t.app.services;
    const preview = await imports.upload(reader.actor, Readable.from([Buffer.from(foreign)]), 'contacts.vcf', {});
    await imports.apply(reader.actor, preview.id);
    const ada = (await contactsOf(reader)).find((c) => c.name === 'Ada Lovelace, Countess')!;
    expect(ada).toMatchObject({ howWeMet: null, circle: null, starred: false, pronouns: 'she/her', timezone: 'Europe/London' });
    const notes = (await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${ada.id}/notes`, headers: reader.auth })).json().items as { body: string }[];
    expect(notes.map((n) => n.body)).toEqual(['At the salon; we talked about engines.\nSecond line: ünïcødé 日本語']);
  });

  it('the contacts CSV imports back without a column mapping (the importer guesses every column)', async () => {
    const exported = await t.app.inject({ method: 'GET', url: '/api/v1/export/contacts.csv', headers: alice.auth });
    const reader = await t.signUp();
    const { imports } = t.app.services;
    const preview = await imports.upload(reader.actor, Readable.from([Buffer.from(exported.body)]), 'contacts.csv', {});
    expect(preview).toMatchObject({ rows: 3, new: 3, failed: 0, skipped: 0 });
    await imports.apply(reader.actor, preview.id);
    const [theirs, ours] = await Promise.all([contactsOf(reader), contactsOf(alice)]);
    // Every field the CSV has a column for comes back, tags with commas and semicolons whole; of the
    // profiles, the columns the importer maps (LinkedIn, Website).
    const csvCarried = (c: Record<string, unknown>) => {
      const { socialProfiles, ...rest } = carried(c);
      return { ...rest, socialProfiles: socialProfiles.filter(([type]) => type === 'linkedin' || type === 'website').map(([type, url]) => [type, url]) };
    };
    expect(theirs.map(csvCarried)).toEqual(ours.map(csvCarried));
    expect(theirs.find((c) => c.name === 'Ada Lovelace, Countess')!.tags).toEqual(expect.arrayContaining(['a,b', 'math', 'Zürich', 'x;y', 'say "hi"', 'c ::: d']));
  });
});
