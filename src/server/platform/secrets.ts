import { hash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets (API tokens, invitations) are stored only as SHA-256 digests. Every API request
 * hashes its token: the one-shot `crypto.hash` costs about a quarter of createHash().update().digest().
 */
export const sha256 = (value: string): string => hash('sha256', value, 'hex');

export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;
