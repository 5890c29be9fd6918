import { createHash, randomBytes } from 'node:crypto';

/** Bearer secrets (API tokens, invitations) are stored only as SHA-256 digests. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;
