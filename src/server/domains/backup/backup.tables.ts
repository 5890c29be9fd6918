/**
 * What a backup holds: every table an account owns, in an order where a row's parents come first
 * (restore inserts in this order). A new owner-scoped table is one line here; backup.test.ts fails
 * while a table with an `owner_id` column is neither listed here nor in `notBackedUp`.
 */
export interface BackupTable {
  name: string;
  /** Columns that order the rows (the primary key); default ['id']. */
  key?: string[];
  /** Columns holding another backed-up table's id: checked to point inside the backup, remapped with it. */
  refs?: Record<string, string>;
  /**
   * Columns that may hold the id of a row of any table (or of one deleted since): not checked, but
   * given the new id when a restore renumbers the rows.
   */
  anyRefs?: string[];
  /** Boolean columns (0/1 on SQLite), written as true/false so both dialects give the same backup. */
  booleans?: string[];
  /**
   * Rows the app makes by itself (a settings row, the question bank seeded on first view): they do not
   * make an account "not empty", and a restore replaces the account's current rows with the backup's.
   */
  settings?: boolean;
  /**
   * Columns unique across the whole instance (a public slug): a restore on the instance the backup
   * came from finds the value taken and gives the row a free one (value-xxxxxx).
   */
  instanceUnique?: string[];
}

export const backupTables: BackupTable[] = [
  { name: 'organization' },
  { name: 'tag' },
  { name: 'contact', refs: { organization_id: 'organization' }, booleans: ['starred', 'archived'] },
  { name: 'contact_handle', key: ['kind', 'value', 'contact_id'], refs: { contact_id: 'contact' } },
  { name: 'contact_tag', key: ['contact_id', 'tag_id'], refs: { contact_id: 'contact', tag_id: 'tag' } },
  { name: 'interaction' },
  { name: 'interaction_contact', key: ['interaction_id', 'contact_id'], refs: { interaction_id: 'interaction', contact_id: 'contact' } },
  { name: 'note', refs: { contact_id: 'contact' }, booleans: ['pinned'] },
  { name: 'follow_up', refs: { contact_id: 'contact' } },
  // Relationship engine (issue 5)
  { name: 'relationship_setting', key: ['owner_id'], settings: true },
  { name: 'milestone', refs: { contact_id: 'contact' } },
  { name: 'message_template' },
  // Appreciation and goals (issue 5)
  { name: 'appreciation', refs: { contact_id: 'contact' } },
  { name: 'weekly_goal' },
  // Events and coffee chats (issue 7)
  { name: 'event' },
  { name: 'event_person', key: ['event_id', 'contact_id'], refs: { event_id: 'event', contact_id: 'contact', follow_up_id: 'follow_up' } },
  { name: 'chat', refs: { contact_id: 'contact', thank_you_follow_up_id: 'follow_up' } },
  { name: 'chat_question', booleans: ['archived'], settings: true },
  // Imports (issue 6): the history, its undo records and the keys that make re-imports idempotent
  { name: 'import_batch' },
  { name: 'import_item', key: ['import_id', 'seq'], refs: { import_id: 'import_batch' }, anyRefs: ['ref_id'] },
  { name: 'import_key', key: ['key'], refs: { import_id: 'import_batch' }, anyRefs: ['ref_id'] },
  { name: 'booking_page', key: ['owner_id'], booleans: ['enabled'], settings: true, instanceUnique: ['slug'] },
  // Mentorships (issue 7)
  { name: 'mentorship', refs: { contact_id: 'contact', next_session_follow_up_id: 'follow_up' } },
  { name: 'mentorship_goal', refs: { mentorship_id: 'mentorship' } },
  { name: 'mentorship_action', refs: { mentorship_id: 'mentorship', follow_up_id: 'follow_up' } },
  { name: 'community' },
  { name: 'community_contribution', refs: { community_id: 'community' } },
  { name: 'community_member', key: ['community_id', 'contact_id'], refs: { community_id: 'community', contact_id: 'contact' } },
  { name: 'engagement', refs: { contact_id: 'contact', interaction_id: 'interaction' } },
  { name: 'content_post' },
  { name: 'content_post_contact', key: ['post_id', 'contact_id'], refs: { post_id: 'content_post', contact_id: 'contact' } },
];

/** Owner-scoped tables a backup leaves out, and why. */
export const notBackedUp: Record<string, string> = {
  search_term: 'derived: rebuilt from the restored contacts and interactions',
  calendar_feed: 'a secret feed address: create a new one after restoring',
};
