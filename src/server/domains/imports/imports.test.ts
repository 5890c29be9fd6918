import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';
import { fileSource, type ByteSource } from './imports.service';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const text = (s: string): ByteSource => async function* () {
  yield Buffer.from(s, 'utf8');
};

describe.each(dialects)('imports on %s', (dialect) => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  const clock: Clock = { now: () => new Date('2026-03-01T12:00:00Z') };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.close());

  const imports = () => t.app.services.imports;
  const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: user.auth, ...(payload && { payload }) });
  const contactsOf = async (user: TestUser) => (await call(user, 'GET', '/contacts?limit=200')).json().items as { id: string; name: string; emails: string[]; phones: string[]; tags: string[]; organization: string | null; socialProfiles: { url: string }[]; howWeMet: string | null }[];
  const count = async (table: 'contact' | 'interaction' | 'note' | 'organization' | 'tag', ownerId: string) =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('owner_id', '=', ownerId).executeTakeFirstOrThrow()).n);

  it('previews a LinkedIn export without writing, applies it, ignores it the second time, and undoes it', async () => {
    const preview = await imports().preview(alice.actor, fileSource(fixture('linkedin-connections.csv')), {});
    expect(preview.format).toBe('linkedin');
    expect(preview.summary).toMatchObject({ rows: 6, new: 4, merged: 0, unchanged: 0, skipped: 1, failed: 1 });
    expect(preview.summary.problems).toEqual([
      { line: 8, outcome: 'skipped', reason: 'no name, email or phone' },
      { line: 9, outcome: 'failed', reason: '"not-an-email" is not an email address' },
    ]);
    expect(await count('contact', alice.userId)).toBe(0);
    expect(await count('organization', alice.userId)).toBe(0);

    const applied = await imports().applySource(alice.actor, fileSource(fixture('linkedin-connections.csv')), {}, 'Connections.csv');
    expect(applied).toMatchObject({ status: 'applied', format: 'linkedin', fileName: 'Connections.csv', new: 4, skipped: 1, failed: 1 });
    const contacts = await contactsOf(alice);
    expect(contacts.map((c) => c.name)).toEqual(['Ada Lovelace', 'Grace Hopper', 'José Álvarez', 'Margaret Hamilton']);
    expect(contacts[0]).toMatchObject({ emails: ['ada@analytical.example'], organization: 'Analytical Engines', howWeMet: 'Connected on LinkedIn on 2023-10-20' });
    expect(contacts[1]!.socialProfiles[0]!.url).toBe('https://www.linkedin.com/in/grace-hopper');
    // Found by search like any contact.
    expect((await call(alice, 'GET', '/contacts?q=hopper')).json().items.map((c: { name: string }) => c.name)).toEqual(['Grace Hopper']);

    const again = await imports().applySource(alice.actor, fileSource(fixture('linkedin-connections.csv')), {}, 'Connections.csv');
    expect(again).toMatchObject({ new: 0, merged: 0, unchanged: 4, skipped: 1, failed: 1 });
    expect(await count('contact', alice.userId)).toBe(4);

    await imports().undo(alice.actor, again.id);
    expect(await count('contact', alice.userId)).toBe(4);
    const undone = await imports().undo(alice.actor, applied.id);
    expect(undone).toMatchObject({ status: 'undone', undoneAt: '2026-03-01T12:00:00.000Z' });
    expect(await count('contact', alice.userId)).toBe(0);
    expect(await count('organization', alice.userId)).toBe(0);
    expect((await call(alice, 'GET', '/contacts?q=hopper')).json().items).toEqual([]);
    await expect(imports().undo(alice.actor, applied.id)).rejects.toThrow('already undone');
    await expect(imports().undo(bob.actor, again.id)).rejects.toThrow('Import not found');
  });

  it('merges into existing contacts by email, phone or profile, fills what they lack, and undo restores them', async () => {
    const existing = (await call(bob, 'POST', '/contacts', { name: 'Marie S. Curie', emails: ['marie@sorbonne.example'], tags: ['Physics'], title: 'Chemist' })).json();
    const byPhone = (await call(bob, 'POST', '/contacts', { name: 'J. Müller', phones: ['+49 171 1234567'] })).json();
    const note = (await call(bob, 'POST', `/contacts/${existing.id}/notes`, { body: 'Two Nobel prizes, physics and chemistry.\nAsk about the lab.' }));
    expect(note.statusCode).toBe(201);

    const vcf = await imports().applySource(bob.actor, fileSource(fixture('vcard-30-apple.vcf')), {}, 'apple.vcf');
    expect(vcf).toMatchObject({ rows: 2, new: 1, merged: 1 });
    const marie = (await call(bob, 'GET', `/contacts/${existing.id}`)).json();
    expect(marie).toMatchObject({
      name: 'Marie S. Curie', // kept: an import never overwrites what you wrote
      title: 'Chemist',
      organization: 'Sorbonne Université',
      birthday: '--11-07',
      emails: ['marie@sorbonne.example', 'marie.curie@home.example'],
      phones: ['+33612345678'],
      tags: ['Mentors', 'Physics', 'Science'],
    });
    // The note it already had is not added twice.
    expect((await call(bob, 'GET', `/contacts/${existing.id}/notes`)).json().items).toHaveLength(1);

    const old = await imports().applySource(bob.actor, fileSource(fixture('vcard-21-outlook.vcf')), {}, 'outlook.vcf');
    expect(old).toMatchObject({ new: 1, merged: 1 });
    expect((await call(bob, 'GET', `/contacts/${byPhone.id}`)).json()).toMatchObject({ name: 'J. Müller', emails: ['juergen@strassenbau.example'], birthday: '1970-04-15' });

    await imports().undo(bob.actor, vcf.id);
    const restored = (await call(bob, 'GET', `/contacts/${existing.id}`)).json();
    expect(restored).toMatchObject({ organization: null, birthday: null, emails: ['marie@sorbonne.example'], phones: [], tags: ['Physics'] });
    expect((await call(bob, 'GET', '/contacts?q=pierre')).json().items).toEqual([]);
    // Matching by the email it no longer has is gone with the undo.
    expect((await call(bob, 'GET', '/contacts?q=home')).json().items).toEqual([]);
  });

  it('knows in a later batch the handles an earlier batch of the same file wrote (merged and new contacts), and undo removes them', async () => {
    const user = await t.signUp();
    const zed = (await call(user, 'POST', '/contacts', { name: 'Zed Zulu', emails: ['zed@zulu.example'] })).json();
    const row = (first: string, last: string, url: string, email: string) => `${first},${last},${url},${email},,,20 Oct 2023`;
    const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
    lines.push(row('Zed', 'Zulu', 'https://www.linkedin.com/in/zed-one', 'zed@zulu.example'));
    // 499 new people: with the row above, the first batch (500 rows) is written before the rows below are read.
    for (let i = 0; i < 499; i++) lines.push(row('New', `Person${i}`, `https://www.linkedin.com/in/new-${i}`, `new${i}@batch.example`));
    lines.push(row('Zed', 'Zulu', 'https://www.linkedin.com/in/zed-one', 'zed@zulu.example')); // nothing new
    lines.push(row('New', 'Person0', 'https://www.linkedin.com/in/new-0', 'new0@batch.example')); // nothing new (created by this file)
    lines.push(row('Zed', 'Zulu', 'https://www.linkedin.com/in/zed-two', 'zed@zulu.example')); // a second profile
    const applied = await imports().applySource(user.actor, text(`${lines.join('\r\n')}\r\n`), {}, 'Connections.csv');
    expect(applied).toMatchObject({ rows: 503, new: 499, merged: 2, unchanged: 2, skipped: 0, failed: 0 });
    const handlesOf = async (contactId: string) =>
      (await t.database.db.selectFrom('contact_handle').select(['kind', 'value']).where('contact_id', '=', contactId).execute()).map((h) => `${h.kind} ${h.value}`).sort();
    expect(await handlesOf(zed.id)).toEqual(['email zed@zulu.example', 'profile https://www.linkedin.com/in/zed-one', 'profile https://www.linkedin.com/in/zed-two']);
    expect((await call(user, 'GET', `/contacts/${zed.id}`)).json().socialProfiles.map((p: { url: string }) => p.url)).toEqual(['https://www.linkedin.com/in/zed-one', 'https://www.linkedin.com/in/zed-two']);

    await imports().undo(user.actor, applied.id);
    expect(await handlesOf(zed.id)).toEqual(['email zed@zulu.example']);
    expect((await call(user, 'GET', `/contacts/${zed.id}`)).json()).toMatchObject({ socialProfiles: [], howWeMet: null });
    expect(await count('contact', user.userId)).toBe(1);
  });

  it('records a merge as the columns it changed and the rows it added; undo puts back exactly those, also across two batches and for records of the old full form', async () => {
    const user = await t.signUp();
    const zed = (await call(user, 'POST', '/contacts', { name: 'Zed Zulu', emails: ['zed@zulu.example'], phones: ['+49 171 7654321'], tags: ['Old friends'], title: 'Was here' })).json();
    const columns = ['given_name', 'family_name', 'organization_id', 'title', 'location', 'birthday', 'how_we_met', 'emails', 'phones', 'social_profiles', 'updated_at', 'pronouns', 'headline', 'timezone', 'circle', 'cadence_days', 'starred', 'next_due_on'] as const;
    const state = async () => ({
      row: await t.database.db.selectFrom('contact').select(columns).where('id', '=', zed.id).executeTakeFirstOrThrow(),
      handles: (await t.database.db.selectFrom('contact_handle').select(['kind', 'value']).where('contact_id', '=', zed.id).execute()).map((h) => `${h.kind} ${h.value}`).sort(),
      tags: (await t.database.db.selectFrom('contact_tag').select('tag_id').where('contact_id', '=', zed.id).execute()).map((r) => r.tag_id).sort(),
    });
    const before = await state();
    const row = (first: string, last: string, url: string, email: string, company = '', position = '') => `${first},${last},${url},${email},${company},${position},20 Oct 2023`;
    const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', row('Zed', 'Zulu', 'https://www.linkedin.com/in/zed-one', 'zed@zulu.example')];
    for (let i = 0; i < 499; i++) lines.push(row('New', `Person${i}`, `https://www.linkedin.com/in/new-${i}`, `new${i}@batch.example`));
    // The second batch: another email (matched by the profile the first batch added), an organization.
    lines.push(row('Zed', 'Zulu', 'https://www.linkedin.com/in/zed-one', 'zed@second.example', 'Zulu Works', 'Boss'));
    const file = `${lines.join('\r\n')}\r\n`;
    const applied = await imports().applySource(user.actor, text(file), {}, 'Connections.csv');
    expect(applied).toMatchObject({ new: 499, merged: 2 });
    const records = await t.database.db.selectFrom('import_item').select('before').where('import_id', '=', applied.id).where('kind', '=', 'contact_merged').orderBy('seq').execute();
    // Only what each batch changed, as it was before that batch.
    expect(records.map((r) => JSON.parse(r.before!))).toEqual([
      { row: { given_name: null, family_name: null, how_we_met: null, social_profiles: '[]', updated_at: before.row.updated_at }, addedHandles: [{ kind: 'profile', value: 'https://www.linkedin.com/in/zed-one' }], addedTagIds: [] },
      { row: { organization_id: null, emails: '["zed@zulu.example"]', updated_at: expect.any(String) }, addedHandles: [{ kind: 'email', value: 'zed@second.example' }], addedTagIds: [] },
    ]);
    const merged = await state();
    expect(merged.handles).toEqual(['email zed@second.example', 'email zed@zulu.example', 'phone +491717654321', 'profile https://www.linkedin.com/in/zed-one']);
    // Edited after the import, in a column the import did not touch: undo leaves it.
    await t.database.db.updateTable('contact').set({ location: 'Zürich' }).where('id', '=', zed.id).execute();
    await imports().undo(user.actor, applied.id);
    expect(await state()).toEqual({ ...before, row: { ...before.row, location: 'Zürich' } });

    // A record of the old form (every column, every handle and tag the contact had) still undoes.
    const again = await imports().applySource(user.actor, text(file), {}, 'Connections.csv');
    const first = await t.database.db.selectFrom('import_item').select('seq').where('import_id', '=', again.id).where('kind', '=', 'contact_merged').orderBy('seq').executeTakeFirstOrThrow();
    const full = { row: { ...before.row, location: 'Zürich' }, tagIds: before.tags, handles: before.handles.map((h) => ({ kind: h.split(' ')[0], value: h.split(' ')[1] })) };
    await t.database.db.updateTable('import_item').set({ before: JSON.stringify(full) }).where('import_id', '=', again.id).where('seq', '=', first.seq).execute();
    await imports().undo(user.actor, again.id);
    expect(await state()).toEqual({ ...before, row: { ...before.row, location: 'Zürich' } });
  });

  it('knows an organization by its name however a later batch spells it, and matches a later row by name and organization', async () => {
    const user = bob; // sign-ups are rate limited: bob's other contacts and organizations do not meet these rows
    const organizations = await count('organization', user.userId);
    const row = (first: string, last: string, url: string, email: string, company: string) => `${first},${last},${url},${email},${company},,20 Oct 2023`;
    const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', row('Ann', 'Able', 'https://www.linkedin.com/in/ann', 'ann@able.example', 'Acme Corp')];
    for (let i = 0; i < 499; i++) lines.push(row('Other', `Person${i}`, `https://www.linkedin.com/in/other-${i}`, `other${i}@acme.example`, i % 2 ? 'Acme Corp' : ''));
    lines.push(row('Bob', 'Bell', 'https://www.linkedin.com/in/bob', 'bob@bell.example', 'ACME corp'));
    lines.push(row('Ann', 'Able', '', '', 'acme CORP')); // no handle: matched by name and organization, nothing new
    const applied = await imports().applySource(user.actor, text(`${lines.join('\r\n')}\r\n`), {}, 'Connections.csv');
    expect(applied).toMatchObject({ rows: 502, new: 501, merged: 0, unchanged: 1 });
    expect(await count('organization', user.userId)).toBe(organizations + 1);
    const people = (await contactsOf(user)).filter((c) => c.name === 'Ann Able' || c.name === 'Bob Bell');
    expect(people.map((c) => [c.name, c.organization])).toEqual([['Ann Able', 'Acme Corp'], ['Bob Bell', 'Acme Corp']]);
  });

  it.runIf(dialect === 'sqlite')('keeps SQLite temporary storage in memory while an import or an undo runs, and puts it back after', async () => {
    const user = alice; // sign-ups are rate limited
    const contacts = await count('contact', user.userId);
    const sqlite = t.database.sqlite!;
    const before = sqlite.pragma('temp_store', { simple: true });
    const during: unknown[] = [];
    const watched = (s: string): ByteSource => async function* () {
      during.push(sqlite.pragma('temp_store', { simple: true }));
      yield Buffer.from(s, 'utf8');
    };
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nTia,Temp,https://www.linkedin.com/in/tia,tia@temp.example,,,20 Oct 2023\r\n';
    await imports().preview(user.actor, watched(csv), {});
    const applied = await imports().applySource(user.actor, watched(csv), {}, 'Connections.csv');
    expect(during).toEqual([2, 2]); // 2: memory
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(before);
    await imports().undo(user.actor, applied.id);
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(before);
    expect(await count('contact', user.userId)).toBe(contacts);
  });

  it("merges Rapport's own fields (pronouns, time zone, circle, cadence, starred) into a contact that lacks them, and undo puts them back", async () => {
    const user = await t.signUp();
    const existing = (await call(user, 'POST', '/contacts', { name: 'Ada Lovelace', emails: ['ada@example.com'], pronouns: 'she/her' })).json();
    const card =
      'BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:-//Rapport//Rapport contacts export//EN\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.com\r\nPRONOUNS:they/them\r\n' +
      'TZ:Europe/London\r\nNOTE:At the salon\r\nX-RAPPORT-HEADLINE:Poet of science\r\nX-RAPPORT-CIRCLE:inner\r\nX-RAPPORT-CADENCE-DAYS:14\r\nX-RAPPORT-STARRED:TRUE\r\nEND:VCARD\r\n';
    const applied = await imports().applySource(user.actor, text(card), {}, 'ada.vcf');
    expect(applied).toMatchObject({ rows: 1, merged: 1 });
    expect((await call(user, 'GET', `/contacts/${existing.id}`)).json()).toMatchObject({
      pronouns: 'she/her', // kept: an import never overwrites what you wrote
      timezone: 'Europe/London',
      headline: 'Poet of science',
      howWeMet: 'At the salon',
      circle: 'inner',
      cadenceDays: 14,
      starred: true,
      nextDueOn: '2026-03-15', // due from the cadence the import gave it
    });
    expect((await call(user, 'GET', `/contacts/${existing.id}/notes`)).json().items).toEqual([]);
    // Found by what the merge added to its search document (how we met, headline).
    const found = async (q: string) => ((await call(user, 'GET', `/search?q=${q}`)).json().items as { type: string; id: string }[]).filter((h) => h.type === 'contact').map((h) => h.id);
    expect(await found('salon')).toEqual([existing.id]);
    expect(await found('poet')).toEqual([existing.id]);
    await imports().undo(user.actor, applied.id);
    expect((await call(user, 'GET', `/contacts/${existing.id}`)).json()).toMatchObject({
      pronouns: 'she/her', timezone: null, headline: null, howWeMet: null, circle: null, cadenceDays: null, starred: false, nextDueOn: null,
    });
  });

  it('sets only the columns given: an undo record written before a column existed leaves that column alone', async () => {
    const user = await t.signUp();
    const a = (await call(user, 'POST', '/contacts', { name: 'Old Record', title: 'Was', circle: 'inner', cadenceDays: 30, starred: true })).json();
    const b = (await call(user, 'POST', '/contacts', { name: 'New Record', title: 'Was too' })).json();
    const { updateContactRows } = await import('./imports.repository');
    await t.database.db.transaction().execute(async (trx) => {
      const old = { given_name: null, family_name: null, organization_id: null, title: 'Old title', location: null, birthday: null, how_we_met: null, emails: '[]', phones: '[]', social_profiles: '[]', updated_at: '2026-03-01T12:00:00.000Z' };
      await updateContactRows(trx, user.userId, [
        { id: a.id, values: old as never },
        { id: b.id, values: { ...old, title: 'B title', pronouns: 'they/them', headline: null, timezone: 'Europe/Paris', circle: 'close', cadence_days: 7, starred: true, next_due_on: '2026-03-08' } },
      ]);
    });
    expect((await call(user, 'GET', `/contacts/${a.id}`)).json()).toMatchObject({ title: 'Old title', circle: 'inner', cadenceDays: 30, starred: true });
    expect((await call(user, 'GET', `/contacts/${b.id}`)).json()).toMatchObject({ title: 'B title', pronouns: 'they/them', timezone: 'Europe/Paris', circle: 'close', cadenceDays: 7, starred: true, nextDueOn: '2026-03-08' });
  });

  const multipart = (fields: Record<string, string>, file: { name: string; content: Buffer | string }) => {
    const boundary = '----rapport-test-boundary';
    const parts = [
      ...Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ];
    const payload = Buffer.concat([Buffer.from(parts.join('')), Buffer.from(file.content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  };

  it('over HTTP: upload previews, a column mapping previews again, apply, history, undo; another user gets 404', async () => {
    const user = await t.signUp();
    const csv = 'Wer;Mail;Firma\nRenée Dupont;renee@exemple.fr;Société Générale\nJürgen Weiß;juergen@beispiel.de;Weiß AG\n';
    const body = multipart({}, { name: 'people.csv', content: csv });
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...user.auth, ...body.headers }, payload: body.payload });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    // "Wer" is no header Rapport knows, but Mail is: the rows import with the email as the name until mapped.
    expect(uploaded.json()).toMatchObject({ status: 'pending', format: 'csv', fileName: 'people.csv', rows: 2, new: 2, headers: ['Wer', 'Mail', 'Firma'], columnMap: { Mail: 'email', Firma: 'organization' } });
    const id = uploaded.json().id;
    expect(await count('contact', user.userId)).toBe(0);

    const mapped = await call(user, 'POST', `/imports/${id}/preview`, { map: { Wer: 'name', Mail: 'email', Firma: 'organization' } });
    expect(mapped.json()).toMatchObject({ new: 2, columnMap: { Wer: 'name' } });
    expect((await call(user, 'POST', `/imports/${id}/preview`, { map: { Nope: 'name' } })).statusCode).toBe(400);
    expect((await call(user, 'POST', `/imports/${id}/preview`, { map: { Wer: 'nickname' } })).statusCode).toBe(400);

    const other = await t.signUp();
    expect((await call(other, 'POST', `/imports/${id}/apply`)).statusCode).toBe(404);
    const applied = await call(user, 'POST', `/imports/${id}/apply`);
    expect(applied.json()).toMatchObject({ status: 'applied', new: 2 });
    expect((await contactsOf(user)).map((c) => c.name)).toEqual(['Jürgen Weiß', 'Renée Dupont']);
    expect((await call(user, 'POST', `/imports/${id}/apply`)).statusCode).toBe(409);
    expect((await call(user, 'GET', '/imports')).json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await call(other, 'GET', '/imports')).json().items).toEqual([]);
    expect((await call(user, 'POST', `/imports/${id}/undo`)).json()).toMatchObject({ status: 'undone' });
    expect(await count('contact', user.userId)).toBe(0);

    const wrong = multipart({ format: 'vcard' }, { name: 'people.csv', content: csv });
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...user.auth, ...wrong.headers }, payload: wrong.payload });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ detail: 'The file is not a vCard file: it looks like a CSV file', errors: [{ path: 'format' }] });
    const notMultipart = await call(user, 'POST', '/imports', { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('changes nothing when the file turns out broken half-way', async () => {
    const before = await count('contact', alice.userId);
    const broken = 'name,email\nGood One,good@example.com\nAnother,another@example.com\n"Unclosed,quote@example.com\n';
    await expect(imports().applySource(alice.actor, text(broken), {}, 'broken.csv')).rejects.toThrow(/cannot be read as CSV/);
    expect(await count('contact', alice.userId)).toBe(before);
    expect((await imports().list(alice.actor, { limit: 50 })).items.every((i) => i.fileName !== 'broken.csv')).toBe(true);
  });

  it('turns past calendar meetings into interactions with the attendees who are contacts, once', async () => {
    const user = await t.signUp('me@example.com');
    const ada = (await call(user, 'POST', '/contacts', { name: 'Ada', emails: ['ada@analytical.example'] })).json();
    const grace = (await call(user, 'POST', '/contacts', { name: 'Grace', emails: ['grace@navy.example'] })).json();
    const options = { from: '2025-12-01T00:00:00Z' };
    const first = await imports().applySource(user.actor, fileSource(fixture('calendar.ics')), options, 'calendar.ics');
    // Coffee + 7 weekly syncs before "now" (1 March: 10 minus the EXDATE minus 2 later), cancelled and future skipped.
    expect(first).toMatchObject({ format: 'icalendar', new: 8, skipped: 2, unchanged: 0, failed: 0 });
    expect(first.rows).toBe(first.new + first.merged + first.unchanged + first.skipped + first.failed);
    const timeline = (await call(user, 'GET', `/contacts/${ada.id}/interactions`)).json().items;
    expect(timeline).toEqual([expect.objectContaining({ summary: 'Coffee with Ada', kind: 'meeting', occurredAt: '2026-02-10T09:00:00.000Z', durationMinutes: 30 })]);
    expect((await call(user, 'GET', `/contacts/${grace.id}`)).json().lastInteractionAt).toBe('2026-02-23T08:00:00.000Z');
    expect(await count('contact', user.userId)).toBe(2); // the stranger was not made a contact

    const second = await imports().applySource(user.actor, fileSource(fixture('calendar.ics')), options, 'calendar.ics');
    expect(second).toMatchObject({ new: 0, unchanged: 8, skipped: 2 });
    await imports().undo(user.actor, first.id);
    expect(await count('interaction', user.userId)).toBe(0);
    expect((await call(user, 'GET', `/contacts/${grace.id}`)).json().lastInteractionAt).toBeNull();

    const withNew = await imports().applySource(user.actor, fileSource(fixture('calendar.ics')), { ...options, createContacts: true }, 'calendar.ics');
    expect(withNew.new).toBe(8);
    expect((await contactsOf(user)).map((c) => c.name).sort()).toEqual(['Ada', 'Grace', 'Stranger']);
  });
});
