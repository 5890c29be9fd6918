import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactDto } from '../../../contracts/contacts';
import { escapeText, fold } from './content-line';
import { csvChunk } from './csv';
import { toVCard } from './vcard';
import { parse } from 'csv-parse/sync';

const ada = {
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  name: 'Ada, Countess; of "Lovelace" 😀',
  givenName: 'Ada',
  familyName: 'Lovelace; King',
  pronouns: 'she/her',
  headline: 'Math, poetry\nand engines',
  organization: 'Analytical; Engines, Ltd',
  organizationId: null,
  title: 'Programmer\\Poet',
  location: 'London, UK',
  timezone: 'Europe/London',
  emails: ['ada@example.com', 'ada@example.org'],
  phones: ['+442079460958', '+14155550100'],
  socialProfiles: [
    { type: 'linkedin', url: 'https://www.linkedin.com/in/ada', handle: 'ada' },
    { type: 'github', url: 'https://github.com/ada', handle: null },
    { type: 'website', url: 'https://ada.dev', handle: null },
  ],
  birthday: '--12-10',
  howWeMet: 'At the Babbage salon; we talked about the engine, at length.\r\nSecond line: ünïcødé 日本語 — and a long tail of text to fold over several lines',
  circle: 'close',
  cadenceDays: 30,
  tags: ['math', 'a,b', 'c;d', 'Zürich'],
  starred: true,
  archived: false,
  lastInteractionAt: null,
  nextDueOn: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-03-01T10:20:30.000Z',
} as ContactDto;

/** Parses one or more cards with ical.js (a maintained vCard 3/4 reader). */
function parseCards(text: string) {
  const parsed = ICAL.parse(text) as unknown[];
  const list = Array.isArray(parsed[0]) ? parsed : [parsed];
  return list.map((jcard) => new ICAL.Component(jcard as never));
}
const value = (card: ICAL.Component, name: string) => card.getFirstPropertyValue(name);
const values = (card: ICAL.Component, name: string) => card.getAllProperties(name).map((p) => p.getFirstValue());

describe('content lines', () => {
  it('escapes backslash, comma, semicolon and every kind of line break', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf\rg')).toBe('a\\\\b\\,c\\;d\\ne\\nf\\ng');
    expect(escapeText('a;b', false)).toBe('a;b');
  });

  it('folds at 75 octets without splitting a UTF-8 character, and unfolds to the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const line = `NOTE:${s.replace(/[\r\n]/g, '')}`;
        const folded = fold(line);
        expect(folded.endsWith('\r\n')).toBe(true);
        const physical = folded.slice(0, -2).split('\r\n');
        for (const [i, p] of physical.entries()) {
          expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
          if (i > 0) expect(p.startsWith(' ')).toBe(true);
          expect(p).not.toMatch(/\uFFFD/);
          expect(Buffer.from(p).toString()).toBe(p); // no lone surrogate half
        }
        expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
      }),
    );
  });
});

describe.each(['4.0', '3.0'] as const)('vCard %s', (version) => {
  const text = toVCard(ada, version) + toVCard({ ...ada, id: '01890a5d-ac96-774b-bcce-b302099a8058', birthday: '1815-12-10', pronouns: null, tags: [] }, version);
  // ical.js keeps the backslash of `\;` in plain text values; vCard 3.0 must escape semicolons there.
  const plain = (s: string) => (version === '3.0' ? s.replace(/\\;/g, ';') : s);

  it('is CRLF throughout with no physical line over 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('parses with ical.js and carries every field', () => {
    const [card, second] = parseCards(text);
    expect(value(card!, 'version')).toBe(version);
    expect(plain(String(value(card!, 'fn')))).toBe(ada.name);
    expect(value(card!, 'n')).toEqual(['Lovelace; King', 'Ada', '', '', '']);
    expect(values(card!, 'email')).toEqual(ada.emails);
    expect(values(card!, 'tel')).toEqual(version === '4.0' ? ada.phones.map((p) => `tel:${p}`) : ada.phones);
    expect(value(card!, 'org')).toBe('Analytical; Engines, Ltd');
    expect(plain(String(value(card!, 'title')))).toBe('Programmer\\Poet');
    expect((value(card!, 'adr') as string[])[3]).toBe('London, UK');
    expect(value(card!, 'tz')).toBe('Europe/London');
    const bday = value(card!, 'bday') as unknown as { year: number | null; month: number; day: number };
    expect([bday.year, bday.month, bday.day]).toEqual([null, 12, 10]);
    const full = value(second!, 'bday') as unknown as { year: number; month: number; day: number };
    expect([full.year, full.month, full.day]).toEqual([1815, 12, 10]);
    expect(values(card!, 'url')).toEqual(['https://ada.dev']);
    const social = card!.getAllProperties('x-socialprofile');
    expect(social.map((p) => [p.getParameter('type'), p.getFirstValue()])).toEqual([
      ['linkedin', 'https://www.linkedin.com/in/ada'],
      ['github', 'https://github.com/ada'],
    ]);
    expect(social[0]!.getParameter('x-user')).toBe('ada');
    expect(plain(String(value(card!, 'note')))).toBe(ada.howWeMet!.replace(/\r\n/g, '\n'));
    expect(card!.getFirstProperty('categories')!.getValues().map((v) => plain(String(v)))).toEqual(ada.tags);
    expect(value(card!, version === '4.0' ? 'pronouns' : 'x-pronouns')).toBe('she/her');
    expect(value(card!, 'uid')).toContain(ada.id);
    expect(card!.getFirstProperty('email')!.getParameter(version === '4.0' ? 'pref' : 'type')).toBe(version === '4.0' ? '1' : 'pref');
    expect(second!.getFirstProperty('categories')).toBeNull();
  });

  it('survives any text in any field (property test)', () => {
    const anyText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 });
    fc.assert(
      fc.property(anyText, anyText, anyText, fc.array(anyText, { maxLength: 4 }), (name, note, org, tags) => {
        const card = parseCards(toVCard({ ...ada, name, howWeMet: note, organization: org, tags }, version))[0]!;
        expect(plain(String(value(card, 'fn')))).toBe(name.replace(/\r\n?/g, '\n'));
        expect(plain(String(value(card, 'note')))).toBe(note.replace(/\r\n?/g, '\n'));
        expect(value(card, 'org')).toBe(org.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV', () => {
  it('quotes commas, semicolons, quotes and line breaks, keeps unicode, and reads back the same', () => {
    const text = csvChunk([ada], true) + csvChunk([{ ...ada, name: 'Grace "Amazing" Hopper', tags: [] }], false);
    expect(text.split('\r\n')[0]).toMatch(/^Name,Given name,Family name,/);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      Name: ada.name,
      'Family name': 'Lovelace; King',
      Email: 'ada@example.com; ada@example.org',
      Phone: '+442079460958; +14155550100',
      LinkedIn: 'https://www.linkedin.com/in/ada',
      Website: 'https://ada.dev',
      Birthday: '--12-10',
      'How we met': ada.howWeMet,
      // A tag holding a separator is quoted inside the cell, so the importer reads it back whole.
      Tags: 'math; "a,b"; "c;d"; Zürich',
      Starred: 'yes',
      Archived: '',
      ID: ada.id,
    });
    expect(rows[1]!.Name).toBe('Grace "Amazing" Hopper');
  });
});
