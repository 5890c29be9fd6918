import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import { AppError } from '../../platform/errors';
import type { ByteSource } from './imports.service';
import { openImport } from './source';

const fixtures = [
  'linkedin-connections.csv', 'google-contacts.csv', 'outlook-contacts.csv', 'generic-semicolon.csv', 'generic-tab.tsv',
  'vcard-21-outlook.vcf', 'vcard-30-apple.vcf', 'vcard-40-google-nextcloud.vcf', 'calendar.ics',
].map((name) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

const window = { from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' };
const nasty = fc.constantFrom('"', ',', ';', '\t', '\r', '\n', '\r\n', ':', '=', '=C3', '=\r\n', ' ', '\\', 'BEGIN:VCARD\n', 'END:VCARD\n', 'BEGIN:VEVENT\n', 'END:VEVENT\n', ':::', '\u00e9', '\uFEFF', '\0');

/** A fixture with random edits: inserted nasty pieces, deleted ranges, a cut-off end. */
const mutated = fc
  .tuple(
    fc.constantFrom(...fixtures),
    fc.array(fc.tuple(fc.nat(), fc.oneof(nasty, fc.string({ maxLength: 8 })), fc.nat({ max: 20 })), { maxLength: 8 }),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([base, edits, cut]) => {
    let s = base.toString('latin1');
    for (const [at, insert, remove] of edits) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + insert + s.slice(i + remove);
    }
    if (cut !== undefined) s = s.slice(0, cut % (s.length + 1));
    return Buffer.from(s, 'latin1');
  });
const anyBytes = fc.oneof(mutated, fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)), fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)));

const source = (buf: Buffer, size: number): ByteSource => async function* () {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
};

describe('import parsers on random and mutated input', () => {
  it('either read rows or refuse with one AppError; never crash', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, fc.integer({ min: 1, max: 4096 }), async (buf, chunk) => {
        try {
          const opened = await openImport(source(buf, chunk)(), { window });
          for await (const row of opened.rows) expect(row.line).toBeGreaterThanOrEqual(0);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe.each(dialects)('imports of random and mutated files on %s', (dialect) => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    user = await t.signUp();
    // Contacts the fixtures match, so that random files merge as well as create.
    for (const payload of [
      { name: 'Ada', emails: ['ada@analytical.example'], tags: ['seed'] },
      { name: 'Marie', emails: ['marie@sorbonne.example'] },
      { name: 'Grace Hopper', organization: 'Navy, Bureau of Ships' },
      { name: 'Katherine', phones: ['+1 202 555 0143'] },
    ])
      await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: user.auth, payload });
  });
  afterAll(() => t?.close());

  const snapshot = async () => {
    const db = t.database.db;
    const n = async (table: 'contact' | 'note' | 'interaction' | 'contact_handle' | 'organization' | 'tag' | 'import_batch') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const contacts = await db.selectFrom('contact').select(['id', 'name', 'emails', 'phones', 'social_profiles', 'organization_id', 'birthday', 'title', 'updated_at']).orderBy('id').execute();
    const tags = await db.selectFrom('contact_tag').select(['contact_id', 'tag_id']).orderBy('contact_id').orderBy('tag_id').execute();
    return [JSON.stringify(contacts), JSON.stringify(tags), await n('contact'), await n('note'), await n('interaction'), await n('contact_handle'), await n('organization'), await n('tag'), await n('import_batch')];
  };

  it('count every row exactly once, write all or nothing, and undo back to where they started', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (buf) => {
        const before = await snapshot();
        let result;
        try {
          result = await t.app.services.imports.applySource(user.actor, source(buf, 1000), {}, 'random');
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          expect(await snapshot()).toEqual(before);
          return;
        }
        expect(result.rows).toBe(result.new + result.merged + result.unchanged + result.skipped + result.failed);
        expect(result.problems.filter((p) => p.outcome !== 'warning').length).toBe(result.skipped + result.failed);
        await t.app.services.imports.undo(user.actor, result.id);
        const after = await snapshot();
        expect(after.slice(0, 8)).toEqual(before.slice(0, 8));
      }),
      { numRuns: dialect === 'sqlite' ? 60 : 25 },
    );
  });
});
