import type { Kysely } from 'kysely';
import type { ContentPostTable, DB } from '../../db/schema';

/** Posts of the content plan scheduled for a day (the Today agenda's reminders). */
export async function scheduledPostsOn(db: Kysely<DB>, ownerId: string, day: string): Promise<ContentPostTable[]> {
  return db
    .selectFrom('content_post')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('status', '=', 'scheduled')
    .where('planned_on', '=', day)
    .orderBy('created_at')
    .orderBy('id')
    .limit(20)
    .execute();
}
