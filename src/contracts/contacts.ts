import { z } from 'zod';
import { Cursor, Id, Limit, queryBool } from './common';
import { Strength } from './strength';

export const circles = ['inner', 'close', 'active', 'wider', 'acquaintance'] as const;
export const socialTypes = ['linkedin', 'x', 'github', 'mastodon', 'bluesky', 'website'] as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => text(max).nullable().optional();

export const Birthday = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2}|--\d{2}-?\d{2})$/, 'must be YYYY-MM-DD, or --MM-DD when the year is unknown')
  .transform((v) => (v.startsWith('--') && v.length === 6 ? `--${v.slice(2, 4)}-${v.slice(4)}` : v))
  .refine((v) => {
    const [year, month, day] = v.startsWith('--') ? [2000, Number(v.slice(2, 4)), Number(v.slice(5))] : v.split('-').map(Number);
    const date = new Date(Date.UTC(year!, month! - 1, day!));
    return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
  }, 'is not a real calendar date');

export const SocialProfileInput = z
  .strictObject({
    type: z.enum(socialTypes, { message: `must be one of ${socialTypes.join(', ')}` }),
    url: z.string().url('must be a URL').max(500).optional(),
    handle: text(200).optional(),
  })
  .refine((p) => p.url || p.handle, { message: 'needs a url or a handle' });

export const SocialProfile = z.object({ type: z.enum(socialTypes), url: z.string().nullable(), handle: z.string().nullable() });

const contactFields = {
  givenName: optionalText(100),
  familyName: optionalText(100),
  pronouns: optionalText(40),
  headline: optionalText(300),
  organization: optionalText(200).describe('Organization name; created when it does not exist yet'),
  organizationId: Id.nullable().optional(),
  title: optionalText(200).describe('Role at the organization'),
  location: optionalText(200),
  timezone: z.string().max(64).nullable().optional().describe('IANA time zone, e.g. Europe/Berlin'),
  emails: z.array(z.string().trim().email('must be an email address').max(254)).max(20).optional(),
  phones: z.array(z.string().trim().min(3).max(40)).max(20).optional().describe('Normalized to E.164; include the country code'),
  socialProfiles: z.array(SocialProfileInput).max(20).optional(),
  birthday: Birthday.nullable().optional(),
  howWeMet: optionalText(2000),
  circle: z.enum(circles, { message: `must be one of ${circles.join(', ')}` }).nullable().optional(),
  cadenceDays: z.number().int('must be a whole number').min(1, 'must be at least 1').max(3650, 'must be at most 3650').nullable().optional(),
  tags: z.array(text(60)).max(50).optional(),
  starred: z.boolean().optional(),
  archived: z.boolean().optional(),
};

export const ContactCreate = z.strictObject({ name: text(200), ...contactFields }).meta({ id: 'ContactCreate' });
export const ContactUpdate = z.strictObject({ name: text(200).optional(), ...contactFields }).meta({ id: 'ContactUpdate' });

export const Contact = z
  .object({
    id: z.string(),
    name: z.string(),
    givenName: z.string().nullable(),
    familyName: z.string().nullable(),
    pronouns: z.string().nullable(),
    headline: z.string().nullable(),
    organization: z.string().nullable(),
    organizationId: z.string().nullable(),
    title: z.string().nullable(),
    location: z.string().nullable(),
    timezone: z.string().nullable(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    socialProfiles: z.array(SocialProfile),
    birthday: z.string().nullable(),
    howWeMet: z.string().nullable(),
    circle: z.enum(circles).nullable(),
    cadenceDays: z.number().nullable(),
    tags: z.array(z.string()),
    starred: z.boolean(),
    archived: z.boolean(),
    lastInteractionAt: z.string().nullable(),
    nextDueOn: z.string().nullable(),
    strength: Strength.describe('Relationship strength 0-100 with its reasons (docs/relationship-strength.md)'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Contact' });

export const contactSorts = ['name', 'lastInteraction', 'nextDue', 'created'] as const;

export const ContactListQuery = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Filter by name, organization or email (prefix, typo tolerant)'),
  tag: z.string().trim().max(60).optional().describe('Only contacts with this tag (name)'),
  organizationId: Id.optional(),
  circle: z.enum(circles).optional(),
  starred: queryBool.optional(),
  archived: queryBool.optional().describe('Archived contacts are hidden unless archived=true'),
  due: queryBool.optional().describe('Only contacts whose keep-in-touch date has come'),
  sort: z.enum(contactSorts).default('name'),
  limit: Limit,
  cursor: Cursor,
});

export type ContactCreateInput = z.infer<typeof ContactCreate>;
export type ContactUpdateInput = z.infer<typeof ContactUpdate>;
export type ContactDto = z.infer<typeof Contact>;
export type ContactListQueryInput = z.infer<typeof ContactListQuery>;
export type SocialProfileDto = z.infer<typeof SocialProfile>;
export type Circle = (typeof circles)[number];
