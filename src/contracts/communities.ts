import { z } from 'zod';
import { Id, IsoDate } from './common';

export const communityRoles = ['member', 'contributor', 'moderator', 'organizer'] as const;
export const contributionKinds = ['post', 'answer', 'talk', 'help'] as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const Link = z.string().trim().url('must be a URL such as https://forum.example/t/123').max(2000).nullable().optional();
const Goal = z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').nullable();

export const CommunityCreate = z
  .strictObject({
    name: text(200),
    platform: text(100).nullable().optional().describe('Slack, Discord, a forum, LinkedIn group, …'),
    link: Link,
    role: z.enum(communityRoles).default('member'),
    weeklyGoal: Goal.optional().describe('Contributions you aim for each week'),
    notes: text(5000).nullable().optional(),
  })
  .meta({ id: 'CommunityCreate' });

export const CommunityUpdate = z
  .strictObject({ name: text(200).optional(), platform: text(100).nullable().optional(), link: Link, role: z.enum(communityRoles).optional(), weeklyGoal: Goal.optional(), notes: text(5000).nullable().optional() })
  .meta({ id: 'CommunityUpdate' });

export const Community = z
  .object({
    id: z.string(),
    name: z.string(),
    platform: z.string().nullable(),
    link: z.string().nullable(),
    role: z.enum(communityRoles),
    weeklyGoal: z.number().nullable(),
    notes: z.string().nullable(),
    thisWeek: z.number().int().describe('Contributions this week (Monday to Sunday, your time zone)'),
    streak: z.number().int().describe('Weeks in a row, before this one, that met the weekly goal'),
    weeks: z.array(z.object({ weekStart: z.string(), count: z.number().int() })).describe('The last 12 weeks, oldest first'),
    members: z.number().int(),
    contributions: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Community' });

export const ContributionCreate = z
  .strictObject({ kind: z.enum(contributionKinds), title: text(300), link: Link, occurredOn: IsoDate.optional().describe('Defaults to today') })
  .meta({ id: 'ContributionCreate' });
export const Contribution = z
  .object({ id: z.string(), kind: z.enum(contributionKinds), title: z.string(), link: z.string().nullable(), occurredOn: z.string(), createdAt: z.string() })
  .meta({ id: 'Contribution' });

export const CommunityMembersAdd = z
  .strictObject({ members: z.array(z.strictObject({ contactId: Id, context: text(500).nullable().optional() })).min(1).max(100) })
  .meta({ id: 'CommunityMembersAdd' });
export const CommunityMembersRemove = z.strictObject({ contactIds: z.array(Id).min(1).max(100) }).meta({ id: 'CommunityMembersRemove' });
export const CommunityMember = z.object({ contactId: z.string(), contactName: z.string(), context: z.string().nullable(), addedAt: z.string() }).meta({ id: 'CommunityMember' });

export type CommunityCreateInput = z.input<typeof CommunityCreate>;
export type CommunityUpdateInput = z.infer<typeof CommunityUpdate>;
export type CommunityDto = z.infer<typeof Community>;
export type ContributionCreateInput = z.infer<typeof ContributionCreate>;
export type ContributionDto = z.infer<typeof Contribution>;
export type CommunityMemberDto = z.infer<typeof CommunityMember>;
export type CommunityMembersAddInput = z.infer<typeof CommunityMembersAdd>;
