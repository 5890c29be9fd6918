import type { SocialProfileDto } from '../../../contracts/contacts';

/** A contact as a file describes it, before validation and matching. Phones are as written. */
export interface ContactCandidate {
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  organization: string | null;
  title: string | null;
  location: string | null;
  /** YYYY-MM-DD, or --MM-DD when the year is unknown. */
  birthday: string | null;
  emails: string[];
  phones: string[];
  socialProfiles: SocialProfileDto[];
  note: string | null;
  tags: string[];
  howWeMet: string | null;
  /** What Rapport's own exports carry besides (vCard PRONOUNS, TZ, X-RAPPORT-*); other files leave them out. */
  pronouns?: string | null;
  headline?: string | null;
  /** An IANA zone; anything else is left out with a warning. */
  timezone?: string | null;
  circle?: string | null;
  cadenceDays?: number | null;
  starred?: boolean;
}

/** A calendar occurrence: one interaction with the attendees it names. */
export interface EventCandidate {
  key: string;
  summary: string;
  occurredAt: string;
  durationMinutes: number | null;
  notes: string | null;
  attendees: { email: string; name: string | null }[];
}

/** One record of an import file: a contact, a calendar event, or a row that cannot be used (with why). */
export type ImportRow =
  | { line: number; kind: 'contact'; contact: ContactCandidate }
  | { line: number; kind: 'event'; event: EventCandidate }
  | { line: number; kind: 'skipped' | 'failed'; reason: string };

export function emptyCandidate(): ContactCandidate {
  return {
    name: null,
    givenName: null,
    familyName: null,
    organization: null,
    title: null,
    location: null,
    birthday: null,
    emails: [],
    phones: [],
    socialProfiles: [],
    note: null,
    tags: [],
    howWeMet: null,
    pronouns: null,
    headline: null,
    timezone: null,
    circle: null,
    cadenceDays: null,
    starred: false,
  };
}

/** Whitespace that clean() changes: a run of two or more, or one that is not a plain space. */
const unevenSpace = /\s\s|[^\S ]/;

/**
 * Runs of whitespace become one space; trims; empty becomes null. Most cells have single spaces only,
 * which the replace would copy into a new, equal string (an import cleans every cell of every row).
 */
export const clean = (v: string | null | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const t = (unevenSpace.test(v) ? v.replace(/\s+/g, ' ') : v).trim();
  return t ? t : null;
};

/** Reads a profile URL (or handle) as one of Rapport's social profile types. */
export function socialProfileOf(raw: string, hint?: string): SocialProfileDto | null {
  const value = raw.trim();
  if (!value) return null;
  const h = (hint ?? '').toLowerCase();
  let url: string | null = null;
  if (/^https?:\/\//i.test(value)) url = value;
  else if (/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(value)) url = `https://${value}`;
  const host = url ? safeHost(url) : '';
  if (url && !host) return null;
  const type: SocialProfileDto['type'] | null =
    /linkedin/.test(host) || h.includes('linkedin')
      ? 'linkedin'
      : /(^|\.)(x|twitter)\.com$/.test(host) || h === 'x' || h.includes('twitter')
        ? 'x'
        : /github/.test(host) || h.includes('github')
          ? 'github'
          : /bsky/.test(host) || h.includes('bluesky')
            ? 'bluesky'
            : h.includes('mastodon')
              ? 'mastodon'
              : url
                ? 'website'
                : null;
  if (!type) return null;
  if (url) return { type, url, handle: null };
  const handle = value.replace(/^x-apple:/i, '').replace(/^@(?=[^@]+$)/, '');
  if (!handle || /\s/.test(handle)) return null;
  return { type, url: null, handle };
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
