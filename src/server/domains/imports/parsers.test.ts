import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ContactCandidate, ImportRow } from './candidate';
import { readDate, splitList } from './csv-common';
import { joinList } from '../exports/csv';
import { openImport, type OpenOptions } from './source';
import { birthdayOf, parseVCardText } from './vcard';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const window = { from: '2025-06-01T00:00:00Z', to: '2026-03-01T00:00:00Z' };
async function* bytesOf(buf: Buffer, size = 7) {
  // Small chunks: multi-byte characters, CRLF pairs and folded lines fall across chunk boundaries.
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
async function rowsOf(buf: Buffer, options: Partial<OpenOptions> = {}) {
  const opened = await openImport(bytesOf(buf), { window, ...options });
  const rows: ImportRow[] = [];
  for await (const row of opened.rows) rows.push(row);
  return { opened, rows, contacts: rows.flatMap((r) => (r.kind === 'contact' ? [{ line: r.line, ...r.contact }] : [])) };
}
/** A calendar file of these events (each its lines between BEGIN:VEVENT and END:VEVENT); the first event starts on line 4. */
const calendar = (...events: string[][]) =>
  Buffer.from(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n'));
const byName = (contacts: (ContactCandidate & { line: number })[], name: string) => contacts.find((c) => c.name === name);

describe('import parsers', () => {
  it('reads LinkedIn Connections.csv past its Notes preamble, with dates, quotes and empty emails', async () => {
    const { opened, contacts } = await rowsOf(fixture('linkedin-connections.csv'));
    expect(opened.format).toBe('linkedin');
    expect(contacts).toHaveLength(6);
    expect(byName(contacts, 'Ada Lovelace')).toMatchObject({
      line: 5,
      emails: ['ada@analytical.example'],
      organization: 'Analytical Engines',
      title: 'Programmer',
      socialProfiles: [{ type: 'linkedin', url: 'https://www.linkedin.com/in/ada-lovelace', handle: null }],
      howWeMet: 'Connected on LinkedIn on 2023-10-20',
    });
    expect(byName(contacts, 'Grace Hopper')).toMatchObject({ emails: [], organization: 'Navy, Bureau of Ships' });
    expect(byName(contacts, 'José Álvarez')!.title).toBe('Director, "Special" Projects');
    expect(contacts.find((c) => c.line === 8)!.name).toBeNull();
  });

  it('reads Google Contacts CSV with ::: multi-values, labels and a multi-line note', async () => {
    const { opened, contacts, rows } = await rowsOf(fixture('google-contacts.csv'));
    expect(opened.format).toBe('google');
    expect(rows).toHaveLength(2); // the row of empty cells is no record
    expect(byName(contacts, 'Katherine Johnson')).toMatchObject({
      emails: ['katherine@nasa.example', 'kj@home.example', 'kat@personal.example'],
      phones: ['+1 202 555 0143'],
      birthday: '1918-08-26',
      organization: 'NASA',
      title: 'Mathematician',
      tags: ['Mentors'],
      note: 'Computed trajectories.\nMet at the space museum.',
      socialProfiles: [{ type: 'linkedin', url: 'https://www.linkedin.com/in/katherine-johnson' }],
    });
    expect(byName(contacts, 'Dorothy Vaughan')).toMatchObject({ birthday: '--09-20', phones: ['+1 202 555 0199', '+1 202 555 0100'] });
  });

  it.each([
    ['UTF-16LE with BOM', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf16le')])],
    ['UTF-16LE without BOM', (t: string) => iconv.encode(t, 'utf16le')],
    ['Windows-1252', (t: string) => iconv.encode(t, 'windows-1252')],
    ['UTF-8 with BOM and CR line ends', (t: string) => Buffer.from(`\uFEFF${t.replace(/\n/g, '\r')}`, 'utf8')],
  ])('reads an Outlook CSV in %s', async (_, encode) => {
    const { opened, contacts } = await rowsOf(encode(fixture('outlook-contacts.csv').toString('utf8')));
    expect(opened.format).toBe('outlook');
    expect(byName(contacts, 'Björn Ångström')).toMatchObject({
      title: 'Professor',
      organization: 'Uppsala Universitet',
      emails: ['bjorn@uppsala.example'],
      phones: ['+46 18 471 0000'],
      birthday: '1970-04-15',
      location: 'Uppsala, Sweden',
      note: 'Likes café au lait',
      tags: ['Academia', 'Sweden'],
    });
    expect(byName(contacts, 'Zoë Müller')).toMatchObject({ birthday: null, organization: 'Müller & Söhne GmbH', emails: ['zoe@firma.example', 'zoe.mueller@privat.example'] });
  });

  it('reads any CSV with a mapping (semicolons), or guesses one (tabs)', async () => {
    const mapped = await rowsOf(fixture('generic-semicolon.csv'), { map: 'Full Name=name,Mail=email,Firma=organization,Telefon=phone,Notiz=note' });
    expect(mapped.opened.format).toBe('csv');
    expect(mapped.contacts[0]).toMatchObject({ name: 'Renée Dupont', emails: ['renee@exemple.fr'], organization: 'Société Générale', phones: ['+33 1 42 14 20 00'], note: 'Rencontrée à Paris' });
    const guessed = await rowsOf(fixture('generic-tab.tsv'));
    expect(guessed.opened.columnMap).toEqual({ name: 'name', email: 'email', company: 'organization', linkedin: 'linkedin' });
    expect(guessed.contacts[0]).toMatchObject({ name: 'Sofia Kovalevskaya', socialProfiles: [{ type: 'linkedin', url: 'https://linkedin.com/in/sofia-k' }] });
    await expect(rowsOf(Buffer.from('a,b\n1,2\n'))).rejects.toThrow(/map the columns/);
    await expect(rowsOf(fixture('generic-tab.tsv'), { map: 'Nope=name' })).rejects.toThrow(/no column "Nope"/);
  });

  it('reads vCard 2.1 quoted-printable with charsets, soft breaks and base64 photos', async () => {
    const { opened, contacts } = await rowsOf(fixture('vcard-21-outlook.vcf'));
    expect(opened.format).toBe('vcard');
    expect(contacts).toHaveLength(2);
    expect(contacts[0]).toMatchObject({
      line: 1,
      name: 'Jürgen Müller',
      givenName: 'Jürgen',
      familyName: 'Müller',
      organization: 'Straßenbau AG',
      phones: ['+49 89 1234567', '+49 171 1234567'],
      emails: ['juergen@strassenbau.example'],
      note: 'Erste Zeile\r\nZweite Zeile mit Ümlaut',
      birthday: '1970-04-15',
    });
    expect(contacts[1]).toMatchObject({ name: 'Anna Smith', location: 'London, United Kingdom' });
  });

  it('reads Apple vCard 3.0: grouped emails with labels, social profiles, yearless BDAY, ORG units, folding', async () => {
    const { contacts } = await rowsOf(fixture('vcard-30-apple.vcf'));
    expect(contacts[0]).toMatchObject({
      name: 'Marie Curie',
      organization: 'Sorbonne Université',
      emails: ['marie@sorbonne.example', 'marie.curie@home.example'],
      birthday: '--11-07',
      tags: ['Science', 'Mentors'],
      note: 'Two Nobel prizes, physics and chemistry.\nAsk about the lab.',
      location: 'Paris, France',
    });
    expect(contacts[0]!.socialProfiles).toEqual([
      { type: 'linkedin', url: 'https://www.linkedin.com/in/marie-curie', handle: null },
      { type: 'x', url: 'https://twitter.com/mariecurie', handle: null },
      { type: 'github', url: null, handle: 'mcurie' },
    ]);
    expect(contacts[1]!.title).toBe('Professor of Physics and a very long title that keeps going so that the line has to be folded by the exporter');
  });

  it('reads vCard 4.0 and reports a card that never ends', async () => {
    const { rows, contacts } = await rowsOf(fixture('vcard-40-google-nextcloud.vcf'));
    expect(contacts[0]).toMatchObject({ name: 'Alan Turing', phones: ['+44-20-7946-0001'], birthday: '--06-23', organization: 'Bletchley Park' });
    expect(contacts[0]!.socialProfiles).toEqual([
      { type: 'x', url: null, handle: 'alanturing' },
      { type: 'website', url: 'https://turing.example', handle: null },
    ]);
    expect(rows.at(-1)).toEqual({ line: 15, kind: 'failed', reason: 'card has no END:VCARD' });
    expect(await parseVCardText('BEGIN:VCARD\nFN:X\nEND:VCARD\n')).toHaveLength(1);
  });

  it('expands recurring calendar events in the window; skips cancelled and future ones', async () => {
    const { opened, rows } = await rowsOf(fixture('calendar.ics'));
    expect(opened.format).toBe('icalendar');
    const events = rows.flatMap((r) => (r.kind === 'event' ? [r.event] : []));
    const coffee = events.find((e) => e.summary === 'Coffee with Ada')!;
    expect(coffee).toMatchObject({ occurredAt: '2026-02-10T09:00:00.000Z', durationMinutes: 30, notes: 'Talked about engines.' });
    expect(coffee.attendees.map((a) => a.email)).toEqual(['ada@analytical.example', 'stranger@unknown.example', 'me@example.com']);
    const weekly = events.filter((e) => e.summary.startsWith('Weekly sync'));
    // 10 weekly from 5 Jan, minus the EXDATE on 12 Jan, the 19th moved to 14:00; 7 before 1 March.
    expect(weekly).toHaveLength(7);
    expect(weekly.find((e) => e.summary === 'Weekly sync (moved)')!.occurredAt).toBe('2026-01-19T13:00:00.000Z');
    expect(new Set(weekly.map((e) => e.key)).size).toBe(7);
    expect(rows.filter((r) => r.kind === 'skipped').map((r) => (r as { reason: string }).reason)).toEqual([
      '"Lunch that never happened" was cancelled',
      '"Next year" is in the future',
    ]);
  });

  it('reports a calendar event whose RRULE cannot be read as a failed row, and reads the rest', async () => {
    const { rows } = await rowsOf(
      calendar(
        // ical.js reads these RRULEs only when the series is expanded.
        ['UID:bad', 'DTSTART:20260105T090000Z', 'DTEND:20260105T093000Z', 'RRULE:FREQ=WEEKLY;UNTIL=abc', 'SUMMARY:Broken series'],
        ['UID:nofreq', 'DTSTART:20260105T090000Z', 'RRULE:COUNT=2', 'SUMMARY:No frequency'],
        ['UID:ok', 'DTSTART:20260210T090000Z', 'DTEND:20260210T093000Z', 'SUMMARY:Coffee with Ada', 'ATTENDEE;CN=Ada:mailto:ada@example.com'],
      ),
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ line: 4, kind: 'failed', reason: 'event cannot be read: Could not extract integer from "abc-"' });
    expect(rows[1]).toMatchObject({ line: 11, kind: 'failed' });
    expect((rows[1] as { reason: string }).reason).toMatch(/^event cannot be read: /);
    expect(rows[2]).toMatchObject({ kind: 'event', event: { summary: 'Coffee with Ada', occurredAt: '2026-02-10T09:00:00.000Z' } });
  });

  it('reports a series whose moved occurrence has an unreadable RECURRENCE-ID as a failed row; exceptions stay with their own UID', async () => {
    const { rows } = await rowsOf(
      calendar(
        ['UID:weekly', 'DTSTART:20260105T090000Z', 'DTEND:20260105T093000Z', 'RRULE:FREQ=WEEKLY;COUNT=2', 'SUMMARY:Weekly sync'],
        ['UID:weekly', 'RECURRENCE-ID:"20260112T090000Z', 'DTSTART:20260112T140000Z', 'SUMMARY:Weekly sync (moved)'],
        ['UID:daily', 'DTSTART:20260105T080000Z', 'DTEND:20260105T081500Z', 'RRULE:FREQ=DAILY;COUNT=2', 'SUMMARY:Stand-up'],
        ['UID:daily', 'RECURRENCE-ID:20260106T080000Z', 'DTSTART:20260106T100000Z', 'DTEND:20260106T101500Z', 'SUMMARY:Stand-up (late)'],
      ),
    );
    expect(rows[0]).toMatchObject({ line: 4, kind: 'failed' });
    expect((rows[0] as { reason: string }).reason).toMatch(/^event cannot be read: Could not extract integer/);
    // The stand-up's moved occurrence is its own, and the weekly's broken one did not reach it.
    expect(rows.slice(1).map((r) => (r as { event: { summary: string; occurredAt: string } }).event)).toMatchObject([
      { summary: 'Stand-up', occurredAt: '2026-01-05T08:00:00.000Z' },
      { summary: 'Stand-up (late)', occurredAt: '2026-01-06T10:00:00.000Z' },
    ]);
  });

  it('refuses a file that is not what it claims, and binary files', async () => {
    await expect(rowsOf(fixture('linkedin-connections.csv'), { format: 'vcard' })).rejects.toThrow('The file is not a vCard file: it looks like a LinkedIn Connections.csv');
    await expect(rowsOf(fixture('google-contacts.csv'), { format: 'linkedin' })).rejects.toThrow(/not a LinkedIn/);
    await expect(rowsOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]))).rejects.toThrow(/not a text file/);
    await expect(rowsOf(Buffer.from('x'.repeat(2000)), { maxBytes: 1000 })).rejects.toThrow(/larger than/);
  });

  it('reads a list cell: ; , and ::: separate, double quotes keep a separator inside an item (the CSV export writes them)', () => {
    expect(splitList('friends, work;  family ::: golf')).toEqual(['friends', 'work', 'family', 'golf']);
    expect(splitList('math; "a,b"; "x;y"; "say ""hi"""; "c ::: d"; Zürich')).toEqual(['math', 'a,b', 'x;y', 'say "hi"', 'c ::: d', 'Zürich']);
    expect(splitList(' ; ,, ')).toEqual([]);
    const tags = ['plain', 'a,b', 'x;y', 'say "hi"', '"quoted"', 'c ::: d', 'ünï; cødé'];
    expect(splitList(joinList(tags))).toEqual(tags);
  });

  it("reads Rapport's own vCard fields (PRONOUNS, TZ, X-RAPPORT-*), and NOTE as how-we-met only in Rapport's own export", async () => {
    const card = (prodid: string) =>
      `BEGIN:VCARD\r\nVERSION:4.0\r\n${prodid}FN:Ada\r\nPRONOUNS:she/her\r\nTZ:Europe/London\r\nNOTE:At the salon\\nlater\r\nX-RAPPORT-HEADLINE:Poet\\, of science\r\nX-RAPPORT-CIRCLE:inner\r\nX-RAPPORT-CADENCE-DAYS:14\r\nX-RAPPORT-STARRED:TRUE\r\nEND:VCARD\r\n`;
    const [own] = await parseVCardText(card('PRODID:-//Rapport//Rapport contacts export//EN\r\n'));
    expect(own).toMatchObject({ pronouns: 'she/her', timezone: 'Europe/London', headline: 'Poet, of science', circle: 'inner', cadenceDays: 14, starred: true, howWeMet: 'At the salon\nlater', note: null });
    const [foreign] = await parseVCardText(card('PRODID:-//Apple Inc.//iPhone OS 17.0//EN\r\n'));
    expect(foreign).toMatchObject({ howWeMet: null, note: 'At the salon\nlater' });
    const [offset] = await parseVCardText('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nTZ:-05:00\r\nEND:VCARD\r\n');
    expect(offset!.timezone).toBeNull();
  });

  it('splits CATEGORIES at unescaped commas only: an escaped backslash before a comma ends the tag', async () => {
    const [card] = await parseVCardText('BEGIN:VCARD\nFN:X\nCATEGORIES:\\\\,!,a\\,b,c\\\\\\,d\nEND:VCARD\n');
    expect(card!.tags).toEqual(['\\', '!', 'a,b', 'c\\,d']);
  });

  it('reads dates and birthdays in their many shapes', () => {
    expect(readDate('20 Oct 2023', 'dmy')).toBe('2023-10-20');
    expect(readDate('Oct 20, 2023')).toBe('2023-10-20');
    expect(readDate('4/15/1985')).toBe('1985-04-15');
    expect(readDate('15.04.1985')).toBe('1985-04-15');
    expect(readDate('31 Feb 2023')).toBeNull();
    expect(readDate('0/0/00')).toBeNull();
    expect(birthdayOf('--0415')).toBe('--04-15');
    expect(birthdayOf('1985-04-15T00:00:00Z')).toBe('1985-04-15');
  });
});
