import { circles, type Circle } from '../../../contracts/contacts';
import { circleDefaults, type RelationshipSettingsDto, type RelationshipSettingsUpdateInput } from '../../../contracts/relationships';
import { nowIso } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { nextDueOn } from '../contacts/contacts.derived';
import * as repo from './relationships.repository';
import { recomputeOwner } from './recompute';
import { readSettings, writeSettings, type RelationshipSettingValues } from './settings';

export function toSettingsDto(s: RelationshipSettingValues): RelationshipSettingsDto {
  return {
    circles: circles.map((circle) => ({ circle, size: circleDefaults[circle].size, cadenceDays: s.cadences[circle], defaultCadenceDays: circleDefaults[circle].cadenceDays })),
    dailyBudget: s.dailyBudget,
    recencyHalfLifeDays: s.halfLifeDays,
  };
}

/** Circles, cadences and the strength's settings per account; bulk recomputation of derived columns. */
export function relationshipService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;

  return {
    async settings(actor: Actor): Promise<RelationshipSettingsDto> {
      return toSettingsDto(await readSettings(db, actor.userId));
    },

    /**
     * Changing a circle's cadence moves the next due date of every contact in that circle that has
     * no cadence of its own, in the same transaction.
     */
    async updateSettings(actor: Actor, input: RelationshipSettingsUpdateInput): Promise<RelationshipSettingsDto> {
      let result!: RelationshipSettingValues;
      await db.transaction().execute(async (trx) => {
        const current = await readSettings(trx, actor.userId);
        const cadences = { ...current.cadences };
        const changed: Circle[] = [];
        for (const circle of circles) {
          const value = input.cadences?.[circle];
          if (value !== undefined && value !== cadences[circle]) {
            cadences[circle] = value;
            changed.push(circle);
          }
        }
        result = {
          cadences,
          dailyBudget: input.dailyBudget ?? current.dailyBudget,
          halfLifeDays: input.recencyHalfLifeDays ?? current.halfLifeDays,
        };
        await writeSettings(trx, actor.userId, result, nowIso(clock));
        const rows = await repo.contactsFollowingCircles(trx, actor.userId, changed);
        const updates = rows
          .map((c) => ({ id: c.id, before: c.next_due_on, next_due_on: nextDueOn(c, c.last_meaningful_at ?? null, actor.timezone, result) }))
          .filter((c) => c.before !== c.next_due_on);
        await repo.bulkSetContacts(trx, actor.userId, ['next_due_on'], updates);
      });
      return toSettingsDto(result);
    },

    /**
     * Recomputes the strength aggregates, last interaction and next due date of every contact of the
     * account from its interactions (after a bulk import, or to check them). Returns how many changed.
     */
    async recomputeAll(actor: Actor): Promise<{ contacts: number; changed: number }> {
      const now = clock.now();
      return db.transaction().execute((trx) => recomputeOwner(trx, actor.userId, actor.timezone, now));
    },
  };
}

export type RelationshipService = ReturnType<typeof relationshipService>;
