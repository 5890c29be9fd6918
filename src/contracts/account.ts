import { z } from 'zod';

export const Me = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(['admin', 'member']), timezone: z.string(), createdAt: z.string() })
  .meta({ id: 'Me' });
export const MeUpdate = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  timezone: z.string().max(64).optional().describe('IANA time zone; decides what "today" means for due dates'),
});

export const TokenCreate = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100).default('API token'),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const ApiToken = z
  .object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), expiresAt: z.string().nullable() })
  .meta({ id: 'ApiToken' });
export const CreatedToken = ApiToken.extend({ token: z.string().describe('Shown once; store it now') });

export const InvitationCreate = z.strictObject({ email: z.string().trim().email('must be an email address'), expiresInDays: z.number().int().min(1).max(90).default(7) });
export const Invitation = z.object({ id: z.string(), email: z.string(), createdAt: z.string(), expiresAt: z.string(), usedAt: z.string().nullable() });
export const CreatedInvitation = Invitation.extend({ token: z.string().describe('Give this to the invitee; they pass it as inviteToken when signing up') });

export type MeDto = z.infer<typeof Me>;
export type ApiTokenDto = z.infer<typeof ApiToken>;
