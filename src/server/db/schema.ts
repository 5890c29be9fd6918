import type { Generated } from 'kysely';

/**
 * Row types as the database stores them. Timestamps and dates are ISO strings on both dialects
 * (see database.ts); booleans are 0/1 on SQLite, so repositories read them with Boolean().
 */
type Bool = boolean | number;

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: Bool;
  image: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
  role: Generated<string>;
  timezone: Generated<string>;
}

export interface AppSettingTable {
  key: string;
  value: string;
}

export interface InvitationTable {
  id: string;
  email: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}

export interface OrganizationTable {
  id: string;
  owner_id: string;
  name: string;
  name_key: string;
  domain: string | null;
  website: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface TagTable {
  id: string;
  owner_id: string;
  name: string;
  name_key: string;
  color: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactTable {
  id: string;
  owner_id: string;
  name: string;
  sort_name: string;
  given_name: string | null;
  family_name: string | null;
  pronouns: string | null;
  headline: string | null;
  organization_id: string | null;
  title: string | null;
  location: string | null;
  timezone: string | null;
  emails: string;
  phones: string;
  social_profiles: string;
  birthday: string | null;
  how_we_met: string | null;
  circle: string | null;
  cadence_days: number | null;
  starred: Bool;
  archived: Bool;
  last_interaction_at: string | null;
  next_due_on: string | null;
  created_at: string;
  updated_at: string;
  // Relationship engine (migration 0003): aggregates kept current by refreshDerived; optional so that
  // rows written before or without them (defaults) still type-check.
  last_meaningful_at?: string | null;
  first_interaction_at?: string | null;
  rel_points?: number;
  rel_them?: number;
  rel_me?: number;
  /** JSON {"YYYY-MM": [points, depth]} of the last 12 months. */
  rel_months?: string;
  cadence_snoozed_until?: string | null;
  birthday_dismissed_through?: string | null;
}

export interface ContactHandleTable {
  owner_id: string;
  kind: string;
  value: string;
  contact_id: string;
}

export interface ContactTagTable {
  contact_id: string;
  tag_id: string;
  owner_id: string;
}

export interface InteractionTable {
  id: string;
  owner_id: string;
  kind: string;
  occurred_at: string;
  duration_minutes: number | null;
  initiated_by: string | null;
  summary: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface InteractionContactTable {
  interaction_id: string;
  contact_id: string;
  owner_id: string;
  occurred_at: string;
  /** Copied from the interaction (migration 0003); null on links written without them. */
  kind?: string | null;
  initiated_by?: string | null;
}

export interface NoteTable {
  id: string;
  owner_id: string;
  contact_id: string;
  body: string;
  pinned: Bool;
  created_at: string;
  updated_at: string;
}

export interface FollowUpTable {
  id: string;
  owner_id: string;
  contact_id: string;
  due_on: string;
  reason: string;
  done_at: string | null;
  snoozed_until: string | null;
  remind_on: string;
  created_at: string;
  updated_at: string;
}

export interface SearchTermTable {
  owner_id: string;
  term: string;
}

// Issue 7 (networking strategies): events, people met, chats, question bank, booking page.
export interface EventTable {
  id: string;
  owner_id: string;
  name: string;
  link: string | null;
  organizer: string | null;
  starts_on: string;
  ends_on: string;
  timezone: string;
  role: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventPersonTable {
  event_id: string;
  contact_id: string;
  owner_id: string;
  context: string | null;
  follow_up_id: string | null;
  created_at: string;
}

export interface ChatTable {
  id: string;
  owner_id: string;
  contact_id: string;
  kind: string;
  purpose: string | null;
  status: string;
  topic: string;
  scheduled_at: string | null;
  duration_minutes: number | null;
  questions: string;
  notes: string | null;
  outcome: string | null;
  outcome_notes: string | null;
  source: string;
  booked_slot: string | null;
  thank_you_follow_up_id: string | null;
  held_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChatQuestionTable {
  id: string;
  owner_id: string;
  purpose: string;
  text: string;
  text_key: string;
  position: number;
  archived: Bool;
  created_at: string;
  updated_at: string;
}

export interface BookingPageTable {
  owner_id: string;
  slug: string;
  enabled: Bool;
  title: string | null;
  timezone: string;
  availability: string;
  slot_minutes: number;
  buffer_minutes: number;
  min_notice_minutes: number;
  horizon_days: number;
  created_at: string;
  updated_at: string;
}

// Issue 5B (appreciation, weekly goals, calendar feed): migration 0004.
export interface AppreciationTable {
  id: string;
  owner_id: string;
  contact_id: string;
  /** kudos | favor */
  kind: string;
  /** given | received */
  direction: string;
  body: string;
  occurred_on: string;
  created_at: string;
  updated_at: string;
}

export interface WeeklyGoalTable {
  id: string;
  owner_id: string;
  /** reach_outs | new_connections | kudos_given */
  metric: string;
  target: number;
  created_at: string;
  updated_at: string;
}

export interface CalendarFeedTable {
  id: string;
  owner_id: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  last_used_at: string | null;
}

// Issue 5 (relationship engine, migration 0003).
export interface RelationshipSettingTable {
  owner_id: string;
  cadence_inner: number | null;
  cadence_close: number | null;
  cadence_active: number | null;
  cadence_wider: number | null;
  cadence_acquaintance: number | null;
  daily_budget: number;
  half_life_days: number;
  updated_at: string;
}

export interface MilestoneTable {
  id: string;
  owner_id: string;
  contact_id: string;
  kind: string;
  title: string;
  /** YYYY-MM-DD, or --MM-DD for a yearly milestone whose year is unknown. */
  on_date: string;
  /** MM-DD of on_date: what the "next N days" lookups use. */
  month_day: string;
  recurrence: string;
  remind_days_before: number;
  notes: string | null;
  /** Occurrences on or before this date were handled in the agenda. */
  dismissed_through: string | null;
  created_at: string;
  updated_at: string;
}

export interface MessageTemplateTable {
  id: string;
  owner_id: string;
  purpose: string;
  name: string;
  body: string;
  created_at: string;
  updated_at: string;
}

// Issue 6 (imports, migration 0005).
export interface ImportBatchTable {
  id: string;
  owner_id: string;
  format: string;
  file_name: string | null;
  fingerprint: string | null;
  /** pending (uploaded, previewed) | applied | undone */
  status: string;
  /** JSON: format, map, window, createContacts as chosen. */
  options: string;
  /** JSON: counts and problems of the last preview or of the apply. */
  summary: string;
  upload_path: string | null;
  created_at: string;
  applied_at: string | null;
  undone_at: string | null;
}

export interface ImportItemTable {
  import_id: string;
  seq: number;
  owner_id: string;
  /** contact_created | contact_merged | note_created | interaction_created | organization_created | tag_created */
  kind: string;
  ref_id: string;
  /** contact_merged: JSON of the contact as it was (row, tag ids, handles). */
  before: string | null;
}

export interface ImportKeyTable {
  owner_id: string;
  key: string;
  ref_id: string;
  import_id: string;
}

// Issue 7, migration 0008: mentorships, their goals and action items.
export interface MentorshipTable {
  id: string;
  owner_id: string;
  contact_id: string;
  role: string;
  status: string;
  focus: string;
  cadence_days: number | null;
  started_on: string;
  next_session_follow_up_id: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface MentorshipGoalTable {
  id: string;
  owner_id: string;
  mentorship_id: string;
  title: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface MentorshipActionTable {
  id: string;
  owner_id: string;
  mentorship_id: string;
  title: string;
  follow_up_id: string | null;
  created_at: string;
  updated_at: string;
}

// Issue 7, migration 0008: online communities.
export interface CommunityTable {
  id: string;
  owner_id: string;
  name: string;
  platform: string | null;
  link: string | null;
  role: string;
  weekly_goal: number | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface CommunityContributionTable {
  id: string;
  owner_id: string;
  community_id: string;
  kind: string;
  title: string;
  link: string | null;
  occurred_on: string;
  created_at: string;
}

export interface CommunityMemberTable {
  community_id: string;
  contact_id: string;
  owner_id: string;
  context: string | null;
  created_at: string;
}

// Issue 7, migration 0008: social media engagements and the content plan.
export interface EngagementTable {
  id: string;
  owner_id: string;
  contact_id: string;
  /** The light interaction it counts as; deleting that interaction deletes the engagement. */
  interaction_id: string | null;
  action: string;
  platform: string | null;
  link: string | null;
  created_at: string;
}

export interface ContentPostTable {
  id: string;
  owner_id: string;
  status: string;
  topic: string;
  platform: string | null;
  body: string | null;
  planned_on: string | null;
  published_on: string | null;
  link: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContentPostContactTable {
  post_id: string;
  contact_id: string;
  owner_id: string;
}

export interface DB {
  app_setting: AppSettingTable;
  user: UserTable;
  invitation: InvitationTable;
  api_token: ApiTokenTable;
  organization: OrganizationTable;
  tag: TagTable;
  contact: ContactTable;
  contact_handle: ContactHandleTable;
  contact_tag: ContactTagTable;
  interaction: InteractionTable;
  interaction_contact: InteractionContactTable;
  note: NoteTable;
  follow_up: FollowUpTable;
  search_term: SearchTermTable;
  relationship_setting: RelationshipSettingTable;
  milestone: MilestoneTable;
  message_template: MessageTemplateTable;
  event: EventTable;
  event_person: EventPersonTable;
  chat: ChatTable;
  chat_question: ChatQuestionTable;
  booking_page: BookingPageTable;
  mentorship: MentorshipTable;
  mentorship_goal: MentorshipGoalTable;
  mentorship_action: MentorshipActionTable;
  community: CommunityTable;
  community_contribution: CommunityContributionTable;
  community_member: CommunityMemberTable;
  engagement: EngagementTable;
  content_post: ContentPostTable;
  content_post_contact: ContentPostContactTable;
  appreciation: AppreciationTable;
  weekly_goal: WeeklyGoalTable;
  calendar_feed: CalendarFeedTable;
  import_batch: ImportBatchTable;
  import_item: ImportItemTable;
  import_key: ImportKeyTable;
}
