import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { addDays, dateIn } from '../../platform/clock';
import { aggregatesOf } from '../relationships/aggregates';
import { defaultSettings, effectiveCadence, readSettings, type RelationshipSettingValues } from '../relationships/settings';
import { setDerived } from './contacts.repository';

/**
 * The keep-in-touch date: the effective cadence (the contact's own, else its circle's) after the last
 * meaningful interaction (kinds.ts; else after the contact was added), or the end of a snooze when
 * that is later. Without settings, the default circle cadences apply.
 */
export function nextDueOn(
  c: { cadence_days: number | null; created_at: string; circle?: string | null; cadence_snoozed_until?: string | null },
  lastMeaningfulAt: string | null,
  timezone: string,
  settings: Pick<RelationshipSettingValues, 'cadences'> = defaultSettings(),
): string | null {
  const cadence = effectiveCadence({ cadence_days: c.cadence_days, circle: c.circle ?? null }, settings);
  if (!cadence) return null;
  const due = addDays(dateIn(lastMeaningfulAt ?? c.created_at, timezone), cadence);
  return c.cadence_snoozed_until && c.cadence_snoozed_until > due ? c.cadence_snoozed_until : due;
}

/**
 * Keeps the derived columns current: last interaction, next due date, and the aggregates that the
 * relationship strength is computed from (relationships/strength.ts). Called inside the transaction
 * of every write that can change them; `now` decides which months the strength window keeps.
 */
export async function refreshDerived(db: Kysely<DB>, ownerId: string, contactIds: string[], timezone: string, now: Date = new Date()): Promise<void> {
  if (contactIds.length === 0) return;
  const [aggregates, settings, contacts] = await Promise.all([
    aggregatesOf(db, { ownerId, contactIds }, now),
    readSettings(db, ownerId),
    db
      .selectFrom('contact')
      .select(['id', 'cadence_days', 'circle', 'created_at', 'cadence_snoozed_until', 'last_interaction_at', 'next_due_on', 'last_meaningful_at', 'first_interaction_at', 'rel_points', 'rel_them', 'rel_me', 'rel_months'])
      .where('owner_id', '=', ownerId)
      .where('id', 'in', contactIds)
      .execute(),
  ]);
  for (const c of contacts) {
    const a = aggregates.get(c.id)!;
    const values = { ...a, next_due_on: nextDueOn(c, a.last_meaningful_at, timezone, settings) };
    const changed = (Object.keys(values) as (keyof typeof values)[]).some((k) => values[k] !== (c as Record<string, unknown>)[k]);
    if (changed) await setDerived(db, c.id, values);
  }
}
