import type { Kysely } from 'kysely';
import { circles, type Circle } from '../../../contracts/contacts';
import { circleDefaults, DEFAULT_DAILY_BUDGET, DEFAULT_HALF_LIFE_DAYS } from '../../../contracts/relationships';
import type { DB, RelationshipSettingTable } from '../../db/schema';

/** An account's relationship settings, defaults filled in. */
export interface RelationshipSettingValues {
  cadences: Record<Circle, number | null>;
  dailyBudget: number;
  halfLifeDays: number;
}

export const defaultSettings = (): RelationshipSettingValues => ({
  cadences: Object.fromEntries(circles.map((c) => [c, circleDefaults[c].cadenceDays])) as Record<Circle, number | null>,
  dailyBudget: DEFAULT_DAILY_BUDGET,
  halfLifeDays: DEFAULT_HALF_LIFE_DAYS,
});

const column = (circle: Circle) => `cadence_${circle}` as const;

function fromRow(row: RelationshipSettingTable | undefined): RelationshipSettingValues {
  if (!row) return defaultSettings();
  return {
    cadences: Object.fromEntries(circles.map((c) => [c, row[column(c)]])) as Record<Circle, number | null>,
    dailyBudget: row.daily_budget,
    halfLifeDays: row.half_life_days,
  };
}

export async function readSettings(db: Kysely<DB>, ownerId: string): Promise<RelationshipSettingValues> {
  const row = await db.selectFrom('relationship_setting').selectAll().where('owner_id', '=', ownerId).executeTakeFirst();
  const settings = fromRow(row);
  cache.set(ownerId, { settings, at: Date.now() });
  return settings;
}

export async function writeSettings(db: Kysely<DB>, ownerId: string, s: RelationshipSettingValues, now: string): Promise<void> {
  const values: RelationshipSettingTable = {
    owner_id: ownerId,
    cadence_inner: s.cadences.inner,
    cadence_close: s.cadences.close,
    cadence_active: s.cadences.active,
    cadence_wider: s.cadences.wider,
    cadence_acquaintance: s.cadences.acquaintance,
    daily_budget: s.dailyBudget,
    half_life_days: s.halfLifeDays,
    updated_at: now,
  };
  const { owner_id: _owner, ...update } = values;
  await db.insertInto('relationship_setting').values(values).onConflict((oc) => oc.column('owner_id').doUpdateSet(update)).execute();
  cache.delete(ownerId);
}

/**
 * Settings read on the hot path (a contact's strength words need the cadence and half-life) come
 * from this per-process cache, so reading a contact costs no extra query. A change made through this
 * process clears it at once; a change made by another process (the CLI) shows within CACHE_MS.
 */
const CACHE_MS = 30_000;
const cache = new Map<string, { settings: RelationshipSettingValues; at: number }>();

export async function cachedSettings(db: Kysely<DB>, ownerId: string): Promise<RelationshipSettingValues> {
  const hit = cache.get(ownerId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.settings;
  return readSettings(db, ownerId);
}

/** The keep-in-touch cadence that applies: the contact's own, else its circle's. */
export function effectiveCadence(c: { cadence_days: number | null; circle: string | null }, settings: Pick<RelationshipSettingValues, 'cadences'>): number | null {
  if (c.cadence_days) return c.cadence_days;
  if (c.circle && c.circle in settings.cadences) return settings.cadences[c.circle as Circle];
  return null;
}
