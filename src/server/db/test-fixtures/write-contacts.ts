/**
 * A second process writing to the same SQLite file, for the reliability tests:
 *   node --import tsx write-contacts.ts FILE USER_ID COUNT BATCH
 * Writes COUNT contacts in transactions of BATCH rows and prints "committed N" after each commit.
 *   node --import tsx write-contacts.ts FILE USER_ID COUNT log CONTACT_ID
 * Logs COUNT interactions with the contact through the service (transactions that read, then write).
 */
import { createSqliteDatabase } from '../database';
import { createServices } from '../../services';
import { newId } from '../../platform/ids';

const [file, userId, count, batch, contactId] = process.argv.slice(2);
const database = createSqliteDatabase(file!);
const services = await createServices({ database, config: { openSignup: false, baseUrl: 'http://localhost' } });
const actor = { userId: userId!, email: 'x@example.com', name: 'x', role: 'member' as const, timezone: 'UTC', via: 'cli' as const };
const total = Number(count);
if (batch === 'log') {
  for (let i = 0; i < total; i++)
    await services.interactions.create(actor, { contactIds: [contactId!], kind: 'message', occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), summary: `Child ${process.pid} ${i}` });
  process.stdout.write(`committed ${total}\n`);
  await database.close();
  process.exit(0);
}
const size = Number(batch);
let written = 0;
while (written < total) {
  const n = Math.min(size, total - written);
  if (size === 1) {
    await services.contacts.create(actor, { name: `Child ${process.pid} ${written}`, emails: [`child${written}@example.com`] });
  } else {
    const now = new Date().toISOString();
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) {
        await trx
          .insertInto('contact')
          .values({
            id: newId(), owner_id: userId!, name: `Bulk ${written + i}`, sort_name: `bulk ${written + i}`, given_name: null, family_name: null, pronouns: null,
            headline: null, organization_id: null, title: null, location: null, timezone: null, emails: '[]', phones: '[]', social_profiles: '[]',
            birthday: null, how_we_met: null, circle: null, cadence_days: null, starred: false, archived: false, last_interaction_at: null,
            next_due_on: null, created_at: now, updated_at: now,
          })
          .execute();
      }
    });
  }
  written += n;
  process.stdout.write(`committed ${written}\n`);
}
await database.close();
