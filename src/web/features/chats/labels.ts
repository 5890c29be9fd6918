import type { ChatKind, ChatOutcome, ChatPurpose, ChatStatus } from '../../../contracts';

export const stageLabels: Record<ChatStatus, string> = { idea: 'Idea', requested: 'Requested', scheduled: 'Scheduled', held: 'Held', thanked: 'Thanked', outcome: 'Outcome' };
export const stageHints: Record<ChatStatus, string> = {
  idea: 'People you would like to talk to',
  requested: 'Asked, waiting for a yes',
  scheduled: 'In the calendar: prepare',
  held: 'Done: send a thank-you',
  thanked: 'Thanked: what came of it?',
  outcome: 'Closed',
};
export const kindLabels: Record<ChatKind, string> = { coffee_chat: 'Coffee chat', informational_interview: 'Informational interview' };
export const purposeLabels: Record<ChatPurpose, string> = { career_path: 'Career path', company: 'Company', role: 'Role', industry: 'Industry' };
export const outcomeLabels: Record<ChatOutcome, string> = { advice: 'Advice', referral: 'Referral', introduction: 'Introduction', opportunity: 'Opportunity', none: 'Nothing yet' };
/** The next step of each stage, as a button. */
export const nextStep: Partial<Record<ChatStatus, { status: ChatStatus; label: string }>> = {
  idea: { status: 'requested', label: 'I asked them' },
  requested: { status: 'scheduled', label: 'Scheduled' },
  scheduled: { status: 'held', label: 'We talked' },
  held: { status: 'thanked', label: 'Thank-you sent' },
};
