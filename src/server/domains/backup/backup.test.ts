import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import { fixedClock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { BACKUP_VERSION } from './backup.service';
import { backupTables, notBackedUp, type BackupTable } from './backup.tables';

type Row = Record<string, unknown>;
interface Backup {
  format: string;
  version: number;
  exportedAt: string;
  account: { name?: string; timezone?: string };
  data: Record<string, Row[]>;
}

/** A plausible value for a column of the given database type (for tables no API call here fills). */
function sampleValue(dataType: string, column: string, n: number): unknown {
  const type = dataType.toLowerCase();
  if (type.includes('bool')) return true;
  if (type.includes('int')) return 3 + n;
  if (type.includes('real') || type.includes('double') || type.includes('float') || type.includes('numeric')) return 1.5 + n;
  if (type === 'date' || column.endsWith('_on') || column.endsWith('_through') || column.endsWith('_until')) return `2026-0${1 + n}-15`;
  if (type.includes('timestamp') || column.endsWith('_at')) return `2026-0${1 + n}-15T10:00:00.000Z`;
  return `${column} ${n}; with, commas "and" ünïcødé\nnew line`;
}

/**
 * Gives every backed-up table that the API calls left empty two rows of sample values, built from
 * the database's own description of the table: a table added to the backup list is filled here
 * without writing a fixture for it.
 */
async function fillEmptyTables(db: Kysely<DB>, ownerId: string, only: (table: BackupTable) => boolean = () => true) {
  const tables = new Map((await db.introspection.getTables()).map((t) => [t.name, t]));
  const idsOf = async (table: string) =>
    ((await (db as Kysely<any>).selectFrom(table).select('id').where('owner_id', '=', ownerId).orderBy('id').execute()) as { id: string }[]).map((r) => r.id);
  for (const table of backupTables.filter(only)) {
    const meta = tables.get(table.name);
    if (!meta) continue;
    const existing = await (db as Kysely<any>).selectFrom(table.name).select(sql.lit(1).as('x')).where('owner_id', '=', ownerId).limit(1).execute();
    if (existing.length) continue;
    const count = table.settings ? 1 : 2;
    for (let n = 0; n < count; n++) {
      const row: Row = {};
      for (const column of meta.columns) {
        if (column.name === 'owner_id') row.owner_id = ownerId;
        else if (column.name === 'id') row.id = newId();
        else if (table.refs?.[column.name]) row[column.name] = (await idsOf(table.refs[column.name]!))[n] ?? null;
        else if (table.anyRefs?.includes(column.name)) row[column.name] = (await idsOf('contact'))[n];
        else row[column.name] = sampleValue(column.dataType, column.name, n);
      }
      if (table.name === 'booking_page') row.slug = `walk-${ownerId.slice(-6)}`;
      await (db as Kysely<any>).insertInto(table.name).values(row).execute();
    }
  }
}

/** The same backup with ids named by table and position, so two restores can be compared. */
function normalizeIds(backup: Backup): Record<string, Row[]> {
  const names = new Map<string, string>();
  for (const table of backupTables) (backup.data[table.name] ?? []).forEach((row, i) => typeof row.id === 'string' && names.set(row.id, `${table.name}#${i}`));
  const out: Record<string, Row[]> = {};
  for (const [table, rows] of Object.entries(backup.data))
    out[table] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'owner_id' ? 'OWNER' : typeof v === 'string' && names.has(v) ? names.get(v) : v])),
    );
  return out;
}

const withOwner = (data: Record<string, Row[]>, ownerId: string) =>
  Object.fromEntries(Object.entries(data).map(([t, rows]) => [t, rows.map((r) => ({ ...r, owner_id: ownerId }))]));

describe.each(dialects)('backup and restore on %s', (dialect) => {
  let t: TestApp;
  let fresh: TestApp;
  let alice: TestUser;
  let original: Backup;

  beforeAll(async () => {
    const clock = fixedClock('2026-03-10T12:00:00Z');
    [t, fresh] = await Promise.all([createTestApp(dialect, { clock }), createTestApp(dialect, { clock })]);
    alice = await t.signUp();
    const post = async (url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: alice.auth, payload });
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json() as { id: string };
    };
    await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: alice.auth, payload: { timezone: 'Asia/Tokyo', name: 'Alice Backup' } });
    await post('/organizations', { name: 'Empty Org, Ltd' });
    await post('/tags', { name: 'unused tag' });
    const ada = await post('/contacts', {
      name: 'Ada Lovelace',
      givenName: 'Ada',
      familyName: 'Lovelace',
      emails: ['ada@example.com'],
      phones: ['+44 20 7946 0958'],
      organization: 'Analytical Engines',
      title: 'Programmer',
      birthday: '--12-10',
      socialProfiles: [{ type: 'github', handle: 'ada' }],
      howWeMet: 'Salon; "engines", ünïcødé\nsecond line',
      tags: ['math', 'pioneers'],
      circle: 'close',
      cadenceDays: 30,
      starred: true,
    });
    const grace = await post('/contacts', { name: 'Grace Hopper', archived: true, tags: ['math'] });
    await post('/interactions', { contactIds: [ada.id, grace.id], kind: 'call', occurredAt: '2026-03-01T10:00:00Z', summary: 'Compilers, engines', notes: 'Long talk' });
    await post(`/contacts/${ada.id}/notes`, { body: 'Prefers letters' });
    const pinned = await post(`/contacts/${grace.id}/notes`, { body: 'Pinned one' });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/notes/${pinned.id}`, headers: alice.auth, payload: { pinned: true } });
    const followUp = await post('/follow-ups', { contactId: ada.id, dueOn: '2026-03-12', reason: 'Send the notes' });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/follow-ups/${followUp.id}`, headers: alice.auth, payload: { snoozedUntil: '2026-03-20' } });
    const done = await post('/follow-ups', { contactId: grace.id, dueOn: '2026-03-01', reason: 'Thank her' });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/follow-ups/${done.id}`, headers: alice.auth, payload: { done: true } });
    await fillEmptyTables(t.database.db, alice.userId);
    original = (await t.app.inject({ method: 'GET', url: '/api/v1/export/backup.json', headers: alice.auth })).json();
  });
  afterAll(async () => {
    await t?.close();
    await fresh?.close();
  });

  const restore = (app: TestApp, user: TestUser, payload: unknown) =>
    app.app.inject({ method: 'POST', url: '/api/v1/restore', headers: { ...user.auth, 'content-type': 'application/json' }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });
  const backupOf = async (app: TestApp, user: TestUser): Promise<Backup> => (await app.app.inject({ method: 'GET', url: '/api/v1/export/backup.json', headers: user.auth })).json();
  const isEmpty = async (app: TestApp, user: TestUser) => Object.values((await backupOf(app, user)).data).every((rows) => rows.length === 0);

  it('lists every owner-scoped table of the schema, each with data here', async () => {
    const tables = await t.database.db.introspection.getTables();
    const owned = tables.filter((tb) => tb.columns.some((c) => c.name === 'owner_id')).map((tb) => tb.name);
    const listed = new Set([...backupTables.map((b) => b.name), ...Object.keys(notBackedUp), 'search_doc']);
    expect(owned.filter((name) => !listed.has(name)), 'owner-scoped tables missing from backup.tables.ts').toEqual([]);
    expect(backupTables.map((b) => b.name).filter((name) => !tables.some((tb) => tb.name === name)), 'listed tables that do not exist').toEqual([]);
    // Boolean columns are declared, so both dialects write true/false (PostgreSQL knows its types).
    if (dialect === 'postgres')
      for (const table of tables) {
        const entry = backupTables.find((b) => b.name === table.name);
        if (entry) expect(table.columns.filter((c) => c.dataType === 'bool').map((c) => c.name).sort(), table.name).toEqual([...(entry.booleans ?? [])].sort());
      }
    expect(original).toMatchObject({ format: 'rapport-backup', version: BACKUP_VERSION, exportedAt: '2026-03-10T12:00:00.000Z', account: { name: 'Alice Backup', timezone: 'Asia/Tokyo' } });
    for (const table of backupTables) expect(original.data[table.name]?.length, `rows of ${table.name}`).toBeGreaterThan(0);
    expect(original.data.contact!.map((c) => [c.name, c.starred, c.archived])).toEqual(
      expect.arrayContaining([
        ['Ada Lovelace', true, false],
        ['Grace Hopper', false, true],
      ]),
    );
  });

  it('restores into an empty account on another instance exactly: backup, restore, backup gives the same data with the same ids', async () => {
    const carol = await fresh.signUp();
    const res = await restore(fresh, carol, original);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().idsKept).toBe(true);
    expect(res.json().restored.contact).toBe(2);
    const again = await backupOf(fresh, carol);
    expect(again.account).toEqual(original.account);
    expect(again.data).toEqual(withOwner(original.data, carol.userId));
    // What the API and search show comes back too (the search index is rebuilt).
    const search = await fresh.app.inject({ method: 'GET', url: '/api/v1/search?q=lovelace', headers: carol.auth });
    expect(search.json().items.map((i: { title: string }) => i.title)).toContain('Ada Lovelace');
    const contacts = await fresh.app.inject({ method: 'GET', url: '/api/v1/contacts?archived=true', headers: carol.auth });
    expect(contacts.json().items.map((c: { name: string; tags: string[] }) => [c.name, c.tags])).toEqual([['Grace Hopper', ['math']]]);
  });

  it('restores on the same instance with new ids when the old ones are taken; the content is the same', async () => {
    const dave = await t.signUp();
    const res = await restore(t, dave, original);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().idsKept).toBe(false);
    const again = await backupOf(t, dave);
    const normalized = normalizeIds(again);
    const expected = normalizeIds(original);
    if (expected.booking_page) {
      // The public slug was taken (by Alice's page): the copy gets a free one.
      expect(String(normalized.booking_page![0]!.slug)).toMatch(new RegExp(`^${String(expected.booking_page[0]!.slug)}-[0-9a-f]{6}$`));
      normalized.booking_page![0]!.slug = expected.booking_page[0]!.slug;
    }
    expect(normalized).toEqual(expected);
    const ids = new Set(original.data.contact!.map((c) => c.id));
    expect(again.data.contact!.some((c) => ids.has(c.id))).toBe(false);
    // Alice's own data is untouched.
    expect((await backupOf(t, alice)).data).toEqual(original.data);
  });

  it('restores into an account whose only rows are ones the app made by itself (settings, the seeded question bank), replacing them', async () => {
    const fay = await t.signUp();
    const seeded = backupTables.filter((b) => b.settings);
    await fillEmptyTables(t.database.db, fay.userId, (b) => Boolean(b.settings));
    for (const table of seeded) expect((await backupOf(t, fay)).data[table.name]?.length, table.name).toBeGreaterThan(0);
    const res = await restore(t, fay, original);
    expect(res.statusCode, res.body).toBe(200);
    const restored = normalizeIds(await backupOf(t, fay));
    for (const table of seeded) expect(restored[table.name]?.length, table.name).toBe(original.data[table.name]?.length);

    // A backup without such a table (made before it existed) leaves the account's own rows alone.
    const ivan = await t.signUp();
    await fillEmptyTables(t.database.db, ivan.userId, (b) => Boolean(b.settings));
    const older = { ...original, data: Object.fromEntries(Object.entries(original.data).filter(([name]) => !seeded.some((b) => b.name === name))) };
    expect((await restore(t, ivan, older)).statusCode).toBe(200);
    const kept = await backupOf(t, ivan);
    for (const table of seeded) expect(kept.data[table.name]?.length, table.name).toBe(1);
  });

  it('reads every table from one moment: what is written while a backup streams is not half in it', async () => {
    const gina = await t.signUp();
    const post = async (url: string, payload: object) => (await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: gina.auth, payload })).json();
    await post('/contacts', { name: 'Before' });
    let text = '';
    let wrote = false;
    for await (const chunk of t.app.services.backup.backup(gina.actor)) {
      text += chunk;
      if (!wrote && text.includes('"interaction":[')) {
        // The contacts are read; now a new contact and a note on it (which comes later in the file).
        const late = await post('/contacts', { name: 'Written meanwhile' });
        expect((await t.app.inject({ method: 'POST', url: `/api/v1/contacts/${late.id}/notes`, headers: gina.auth, payload: { body: 'late note' } })).statusCode).toBe(201);
        wrote = true;
      }
    }
    expect(wrote).toBe(true);
    const backup = JSON.parse(text) as Backup;
    expect(backup.data.contact!.map((c) => c.name)).toEqual(['Before']);
    expect(backup.data.note).toEqual([]);
    const heidi = await fresh.signUp();
    expect((await restore(fresh, heidi, backup)).statusCode).toBe(200);
  });

  it('refuses an account that already has data, and changes nothing', async () => {
    const res = await restore(t, alice, original);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/empty account/);
    expect((await backupOf(t, alice)).data).toEqual(original.data);
  });

  it('refuses a backup from a newer Rapport, and corrupt ones, with a clear error, changing nothing', async () => {
    const erin = await t.signUp();
    const late = (data: Record<string, Row[]>) => ({ ...original, data });
    const dup = original.data.follow_up!;
    const cases: [unknown, RegExp][] = [
      [{ ...original, version: BACKUP_VERSION + 1 }, /newer Rapport.*update Rapport/],
      ['{"format": "rapport-backup", "version": 1, "data": {', /not valid JSON/],
      [{ hello: 'world' }, /not a Rapport backup/],
      [{ ...original, data: undefined }, /data/],
      [{ ...original, version: 'one' }, /version/],
      [{ ...original, account: { timezone: 'Mars/Olympus' } }, /account.timezone "Mars\/Olympus" is not an IANA time zone/],
      [late({ ...original.data, widgets: [{ id: 'x' }] }), /table "widgets"/],
      [late({ ...original.data, contact: [{ ...original.data.contact![0]!, shoe_size: 42 }, ...original.data.contact!.slice(1)] }), /unknown column "shoe_size"/],
      [late({ ...original.data, note: [{ ...original.data.note![0]!, contact_id: newId() }] }), /note row 1: contact_id .* is not a contact of this backup/],
      // Found only by the database, after earlier tables were written: the transaction undoes them.
      [late({ ...original.data, follow_up: [...dup, { ...dup[0]! }] }), /follow_up/],
    ];
    for (const [payload, message] of cases) {
      const res = await restore(t, erin, payload);
      expect(res.statusCode, `${message}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toMatch(message);
      expect(res.json().detail).toMatch(/othing was changed/);
      expect(await isEmpty(t, erin), String(message)).toBe(true);
    }
    // And after all that, the genuine backup still restores into the same account.
    expect((await restore(t, erin, original)).statusCode).toBe(200);
  });
});

describe('backup across dialects', () => {
  it('a backup made on SQLite restores on PostgreSQL with the same content and ids, and back on SQLite with the same content', async () => {
    const clock = fixedClock('2026-03-10T12:00:00Z');
    const [sqlite, postgres] = await Promise.all([createTestApp('sqlite', { clock }), createTestApp('postgres', { clock })]);
    try {
      const laptop = await sqlite.signUp();
      const post = (url: string, payload: object) => sqlite.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: laptop.auth, payload });
      const ada = (await post('/contacts', { name: 'Ada Lovelace', birthday: '1815-12-10', tags: ['math'], starred: true, cadenceDays: 14, emails: ['ada@example.com'] })).json();
      await post('/contacts', { name: 'Grace Hopper', tags: ['navy'], archived: true, phones: ['+14155550100'] });
      await post('/interactions', { contactIds: [ada.id], kind: 'call', occurredAt: '2026-03-01T10:00:00Z', summary: 'Engines' });
      await post('/follow-ups', { contactId: ada.id, dueOn: '2026-03-12', reason: 'Notes' });
      await fillEmptyTables(sqlite.database.db, laptop.userId);
      const fromSqlite: Backup = (await sqlite.app.inject({ method: 'GET', url: '/api/v1/export/backup.json', headers: laptop.auth })).json();

      const server = await postgres.signUp();
      const res = await postgres.app.inject({ method: 'POST', url: '/api/v1/restore', headers: server.auth, payload: fromSqlite });
      expect(res.statusCode, res.body).toBe(200);
      const fromPostgres: Backup = (await postgres.app.inject({ method: 'GET', url: '/api/v1/export/backup.json', headers: server.auth })).json();
      expect(fromPostgres.data).toEqual(withOwner(fromSqlite.data, server.userId));

      // And back: into a second SQLite account beside the first (so with new ids).
      const copy = await sqlite.signUp();
      const back = await sqlite.app.inject({ method: 'POST', url: '/api/v1/restore', headers: copy.auth, payload: fromPostgres });
      expect(back.json().idsKept).toBe(false);
      const roundTrip: Backup = (await sqlite.app.inject({ method: 'GET', url: '/api/v1/export/backup.json', headers: copy.auth })).json();
      const bookingSlug = (d: Record<string, Row[]>) => d.booking_page?.forEach((r) => (r.slug = String(r.slug).replace(/-[0-9a-f]{6}$/, '')));
      const [a, b] = [normalizeIds(roundTrip), normalizeIds(fromSqlite)];
      bookingSlug(a);
      expect(a).toEqual(b);
    } finally {
      await Promise.all([sqlite.close(), postgres.close()]);
    }
  });
});
