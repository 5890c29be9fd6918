import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from './errors';

/** How organization and tag names are compared: unique per owner, ignoring case and surrounding spaces. */
export const nameKey = (name: string) => name.trim().toLowerCase();

type FindIdByNameKey = (db: Kysely<DB>, ownerId: string, nameKey: string) => Promise<string | undefined>;

/**
 * A check that `name` is free for this owner (409 naming the field otherwise); `selfId` lets a row keep
 * its own name in another case. `noun` is how the error names the thing: "a tag", "an organization".
 */
export function uniqueNameCheck(noun: string, findIdByNameKey: FindIdByNameKey) {
  return async (db: Kysely<DB>, ownerId: string, name: string, selfId?: string): Promise<void> => {
    const other = await findIdByNameKey(db, ownerId, nameKey(name));
    if (other && other !== selfId) throw new AppError('conflict', `name: ${noun} named "${name}" already exists`, [{ path: 'name', message: 'is already taken' }]);
  };
}
