import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { Birthday, circles, type Circle, type SocialProfileDto } from '../../../contracts/contacts';
import { isValidTimeZone } from '../../platform/clock';
import type { FieldProblem } from '../../platform/errors';
import { handlesOf, normalizeEmails, normalizeSocialProfiles } from '../contacts/contacts.normalize';
import type { ContactCandidate } from './candidate';

/** A candidate that passed validation: what would be written, with the values it had to leave out. */
export interface NormalContact {
  name: string;
  givenName: string | null;
  familyName: string | null;
  organization: string | null;
  title: string | null;
  location: string | null;
  birthday: string | null;
  emails: string[];
  phones: string[];
  socialProfiles: SocialProfileDto[];
  note: string | null;
  tags: string[];
  howWeMet: string | null;
  pronouns: string | null;
  headline: string | null;
  timezone: string | null;
  circle: Circle | null;
  cadenceDays: number | null;
  starred: boolean;
  handles: { kind: string; value: string }[];
  warnings: string[];
}

const emailSchema = z.string().email();
const cut = (v: string | null, max: number) => (v && v.length > max ? v.slice(0, max) : v);

/** Checks a candidate the way the contacts API would, but keeps what it can: a bad phone is left out with a warning. */
export function normalizeCandidate(c: ContactCandidate): { ok: true; contact: NormalContact } | { ok: false; outcome: 'skipped' | 'failed'; reason: string } {
  const warnings: string[] = [];
  const emails: string[] = [];
  for (const raw of c.emails) {
    const email = raw.trim().replace(/^mailto:/i, '');
    if (!emailSchema.safeParse(email).success || email.length > 254) return { ok: false, outcome: 'failed', reason: `"${raw.slice(0, 80)}" is not an email address` };
    emails.push(email);
  }
  const phones: string[] = [];
  for (const raw of c.phones) {
    const parsed = parsePhoneNumberFromString(raw.startsWith('00') ? `+${raw.slice(2)}` : raw);
    if (parsed?.isValid()) {
      if (!phones.includes(parsed.number)) phones.push(parsed.number);
    } else warnings.push(`phone "${raw.slice(0, 40)}" left out: not a valid phone number with its country code`);
  }
  const problems: FieldProblem[] = [];
  const profiles = normalizeSocialProfiles(
    c.socialProfiles.filter((p) => (p.url ?? p.handle ?? '').length <= 500).map((p) => ({ type: p.type, ...(p.url && { url: p.url }), ...(p.handle && { handle: p.handle }) })),
    problems,
  ).filter((_, i) => !problems.some((p) => p.path.startsWith(`socialProfiles.${i}.`)));
  for (const p of problems) warnings.push(`profile left out: ${p.message}`);
  let birthday: string | null = null;
  if (c.birthday) {
    const b = Birthday.safeParse(c.birthday);
    if (b.success) birthday = b.data;
    else warnings.push(`birthday "${c.birthday}" left out: not a real date`);
  }
  let timezone: string | null = null;
  if (c.timezone) {
    if (c.timezone.length <= 64 && isValidTimeZone(c.timezone)) timezone = c.timezone;
    else warnings.push(`time zone "${c.timezone.slice(0, 64)}" left out: not an IANA time zone such as Europe/Berlin`);
  }
  let circle: Circle | null = null;
  if (c.circle) {
    const lower = c.circle.trim().toLowerCase();
    if ((circles as readonly string[]).includes(lower)) circle = lower as Circle;
    else warnings.push(`circle "${c.circle.slice(0, 40)}" left out: not one of ${circles.join(', ')}`);
  }
  let cadenceDays: number | null = null;
  if (c.cadenceDays !== null && c.cadenceDays !== undefined) {
    if (Number.isInteger(c.cadenceDays) && c.cadenceDays >= 1 && c.cadenceDays <= 3650) cadenceDays = c.cadenceDays;
    else warnings.push(`cadence "${c.cadenceDays}" left out: not a whole number of days from 1 to 3650`);
  }
  const name = c.name ?? (emails[0] ? emails[0].split('@')[0]! : null) ?? c.organization ?? phones[0] ?? null;
  if (!name) return { ok: false, outcome: 'skipped', reason: 'no name, email or phone' };
  const uniqueEmails = normalizeEmails(emails).slice(0, 20);
  const socialProfiles = profiles.slice(0, 20);
  return {
    ok: true,
    contact: {
      name: cut(name, 200)!,
      givenName: cut(c.givenName, 100),
      familyName: cut(c.familyName, 100),
      organization: cut(c.organization, 200),
      title: cut(c.title, 200),
      location: cut(c.location, 200),
      birthday,
      emails: uniqueEmails,
      phones: phones.slice(0, 20),
      socialProfiles,
      note: cut(c.note, 20000),
      tags: [...new Set(c.tags.map((t) => t.trim().slice(0, 60)).filter(Boolean))].slice(0, 50),
      howWeMet: cut(c.howWeMet, 2000),
      pronouns: cut(c.pronouns ?? null, 40),
      headline: cut(c.headline ?? null, 300),
      timezone,
      circle,
      cadenceDays,
      starred: c.starred === true,
      handles: handlesOf({ emails: uniqueEmails, phones: phones.slice(0, 20), socialProfiles }),
      warnings,
    },
  };
}
