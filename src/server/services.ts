import type { Config } from './config';
import type { RapportDatabase } from './db/database';
import { readSetting } from './db/migrate';
import { lazyAuth } from './platform/auth';
import { systemClock, type Clock } from './platform/clock';
import type { Deps } from './platform/context';
import { AppError } from './platform/errors';
import { accountService } from './domains/account/account.service';
import { contactService } from './domains/contacts/contacts.service';
import { interactionService } from './domains/interactions/interactions.service';
import { noteService } from './domains/notes/notes.service';
import { followUpService } from './domains/follow-ups/follow-ups.service';
import { organizationService } from './domains/organizations/organizations.service';
import { tagService } from './domains/tags/tags.service';
import { searchService } from './domains/search/search.service';
import { relationshipService } from './domains/relationships/relationships.service';
import { milestoneService } from './domains/milestones/milestones.service';
import { templateService } from './domains/templates/templates.service';
import { todayService } from './domains/today/today.service';
import { exportService } from './domains/exports/exports.service';
import { backupService } from './domains/backup/backup.service';
import { appreciationService } from './domains/appreciation/appreciation.service';
import { goalService } from './domains/goals/goals.service';
import { calendarFeedService } from './domains/calendar-feed/calendar-feed.service';
import { insightsService } from './domains/insights/insights.service';
import { eventService } from './domains/events/events.service';
import { chatService } from './domains/chats/chats.service';
import { bookingService } from './domains/booking/booking.service';
import { mentorshipService } from './domains/mentorships/mentorships.service';
import { communityService } from './domains/communities/communities.service';
import { socialService } from './domains/social/social.service';
import { importService } from './domains/imports/imports.service';
import { duplicateService } from './domains/duplicates/duplicates.service';

export interface ServiceOptions {
  database: RapportDatabase;
  config: Pick<Config, 'openSignup' | 'baseUrl' | 'secret'>;
  clock?: Clock;
}

/** Builds every service over one database; the HTTP routes and the CLI both use this. */
export async function createServices({ database, config, clock = systemClock }: ServiceOptions) {
  const secret = config.secret ?? (await readSetting(database.db, 'auth_secret'));
  if (!secret) throw new AppError('config', 'The database has not been migrated; run `rapport migrate`');
  const auth = lazyAuth({ db: database.db, dialect: database.dialect, secret, baseUrl: config.baseUrl });
  const deps: Deps = { database, clock, config, auth };
  return {
    deps,
    auth,
    account: accountService(deps),
    contacts: contactService(deps),
    interactions: interactionService(deps),
    notes: noteService(deps),
    followUps: followUpService(deps),
    organizations: organizationService(deps),
    tags: tagService(deps),
    search: searchService(deps),
    relationships: relationshipService(deps),
    milestones: milestoneService(deps),
    templates: templateService(deps),
    today: todayService(deps),
    exports: exportService(deps),
    backup: backupService(deps),
    appreciation: appreciationService(deps),
    goals: goalService(deps),
    calendarFeed: calendarFeedService(deps),
    insights: insightsService(deps),
    events: eventService(deps),
    chats: chatService(deps),
    booking: bookingService(deps),
    mentorships: mentorshipService(deps),
    communities: communityService(deps),
    social: socialService(deps),
    imports: importService(deps),
    duplicates: duplicateService(deps),
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
