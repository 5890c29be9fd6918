import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { SocialProfileDto } from '../../../contracts/contacts';
import { isValidTimeZone } from '../../platform/clock';
import { AppError, type FieldProblem } from '../../platform/errors';

type SocialInput = { type: SocialProfileDto['type']; url?: string; handle?: string };

/** Phones are stored in E.164 (+14155550100); a number that cannot be read is refused, not guessed. */
export function normalizePhones(phones: string[], problems: FieldProblem[]): string[] {
  const out: string[] = [];
  phones.forEach((raw, index) => {
    const parsed = parsePhoneNumberFromString(raw.startsWith('00') ? `+${raw.slice(2)}` : raw);
    if (!parsed || !parsed.isValid())
      problems.push({ path: `phones.${index}`, message: `"${raw}" is not a valid phone number; include the country code, e.g. +44 20 7946 0958` });
    else if (!out.includes(parsed.number)) out.push(parsed.number);
  });
  return out;
}

export function normalizeEmails(emails: string[]): string[] {
  const seen = new Set<string>();
  return emails.filter((e) => {
    const key = e.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const profileUrl: Record<SocialProfileDto['type'], (handle: string) => string | null> = {
  linkedin: (h) => `https://www.linkedin.com/in/${encodeURIComponent(h)}`,
  x: (h) => `https://x.com/${encodeURIComponent(h)}`,
  github: (h) => `https://github.com/${encodeURIComponent(h)}`,
  bluesky: (h) => `https://bsky.app/profile/${encodeURIComponent(h)}`,
  mastodon: (h) => {
    const m = /^@?([^@\s]+)@([^@\s]+\.[^@\s]+)$/.exec(h);
    return m ? `https://${m[2]}/@${m[1]}` : null;
  },
  website: () => null,
};

/** A profile keeps what was given; a handle alone gets its canonical URL where the network has one. */
export function normalizeSocialProfiles(profiles: SocialInput[], problems: FieldProblem[]): SocialProfileDto[] {
  return profiles.map((p, index) => {
    const handle = p.handle ? p.handle.replace(/^@(?=[^@]+$)/, '') : null;
    const url = p.url ?? (handle ? profileUrl[p.type](handle) : null);
    if (!url && p.type === 'website') problems.push({ path: `socialProfiles.${index}.url`, message: 'a website needs a url' });
    if (!url && p.type === 'mastodon') problems.push({ path: `socialProfiles.${index}.handle`, message: 'must look like @user@server.social, or give a url' });
    return { type: p.type, url, handle };
  });
}

export function checkTimeZone(timezone: string | null | undefined, problems: FieldProblem[]): void {
  if (timezone && !isValidTimeZone(timezone)) problems.push({ path: 'timezone', message: `"${timezone}" is not an IANA time zone such as Europe/Berlin` });
}

export function throwIfProblems(problems: FieldProblem[]): void {
  if (problems.length) throw new AppError('validation', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
}

/** Lookup handles: how imports and matching find a contact again (email, phone, profile URL). */
export function handlesOf(c: { emails: string[]; phones: string[]; socialProfiles: SocialProfileDto[] }) {
  return [
    ...c.emails.map((e) => ({ kind: 'email', value: e.toLowerCase() })),
    ...c.phones.map((p) => ({ kind: 'phone', value: p })),
    ...c.socialProfiles.filter((s) => s.url).map((s) => ({ kind: 'profile', value: s.url!.toLowerCase().replace(/\/+$/, '') })),
  ];
}
