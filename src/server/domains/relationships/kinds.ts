import type { InteractionKind } from '../../../contracts/interactions';

/**
 * What one interaction of each kind is worth to a relationship.
 * - points: its weight in the frequency sum (a one-to-one video call or coffee is 3, a message 0.5).
 * - depth: video / in person 4 > call 3 > message 2 > social reaction 1.
 * - meaningful: whether it resets the keep-in-touch clock. Social-media reactions and group settings
 *   (events, team activities) do not: they are contact, but not the chosen one-to-one kind that
 *   keeps a tie alive (Marsden & Campbell: shared settings inflate contact frequency).
 */
export const kindProfiles: Record<InteractionKind, { points: number; depth: number; meaningful: boolean }> = {
  video_call: { points: 3, depth: 4, meaningful: true },
  coffee_chat: { points: 3, depth: 4, meaningful: true },
  informational_interview: { points: 3, depth: 4, meaningful: true },
  mentorship_session: { points: 3, depth: 4, meaningful: true },
  meeting: { points: 2, depth: 4, meaningful: true },
  call: { points: 2, depth: 3, meaningful: true },
  message: { points: 0.5, depth: 2, meaningful: true },
  email: { points: 0.5, depth: 2, meaningful: true },
  other: { points: 1, depth: 2, meaningful: true },
  event: { points: 1, depth: 2, meaningful: false },
  team_activity: { points: 1, depth: 2, meaningful: false },
  social: { points: 0.25, depth: 1, meaningful: false },
};

export const meaningfulKinds = (Object.keys(kindProfiles) as InteractionKind[]).filter((k) => kindProfiles[k].meaningful);

export const depthWords: Record<number, string> = { 4: 'video or in person', 3: 'a call', 2: 'messages', 1: 'social-media reactions' };
