import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Circle, SocialProfileDto } from '../src/contracts/contacts';
import { interactionKinds, type InteractionKind } from '../src/contracts/interactions';
import { mulberry32 } from '../src/server/demo/random';
import {
  events,
  followUpReasons,
  headlines,
  howWeMet,
  noteSentences,
  orgPrefixes,
  orgSuffixes,
  regions,
  tagColors,
  tagNames,
  titles,
  topics,
  type BenchRegion,
} from './vocabulary';

/**
 * The benchmark's reference data, generated from a seed and a "now" alone: the same inputs give the
 * same data (ids included), so a slow query seen once can be reproduced. Rows refer to each other by
 * index; ids are UUIDv7 built from the row's own timestamp and the seeded generator.
 */
export interface BenchOrganization {
  id: string;
  name: string;
  domain: string;
  website: string;
  createdAt: string;
}

export interface BenchTag {
  id: string;
  name: string;
  color: string | null;
  createdAt: string;
}

export interface BenchContact {
  id: string;
  name: string;
  givenName: string;
  familyName: string;
  pronouns: string | null;
  headline: string | null;
  /** Index into organizations. */
  organization: number | null;
  title: string | null;
  location: string | null;
  timezone: string | null;
  emails: string[];
  phones: string[];
  socialProfiles: SocialProfileDto[];
  birthday: string | null;
  howWeMet: string | null;
  circle: Circle | null;
  cadenceDays: number | null;
  /** Indexes into tags, distinct. */
  tags: number[];
  starred: boolean;
  archived: boolean;
  createdAt: string;
}

export interface BenchInteraction {
  id: string;
  /** Indexes into contacts, distinct; mostly one. */
  contacts: number[];
  kind: InteractionKind;
  occurredAt: string;
  summary: string;
  notes: string | null;
  durationMinutes: number | null;
  initiatedBy: 'me' | 'them' | 'mutual' | null;
}

export interface BenchNote {
  id: string;
  contact: number;
  body: string;
  pinned: boolean;
  createdAt: string;
}

export interface BenchFollowUp {
  id: string;
  contact: number;
  dueOn: string;
  reason: string;
  doneAt: string | null;
  snoozedUntil: string | null;
  createdAt: string;
}

export interface BenchData {
  seed: number;
  now: string;
  organizations: BenchOrganization[];
  tags: BenchTag[];
  contacts: BenchContact[];
  /** Sorted by occurredAt (oldest first), as a history accumulates. */
  interactions: BenchInteraction[];
  notes: BenchNote[];
  followUps: BenchFollowUp[];
}

/** What the scenarios read of the generated data once it is loaded (bench/run.ts lets the rest go). */
export type ScenarioData = Pick<BenchData, 'now' | 'contacts' | 'organizations' | 'tags'>;

export interface GenerateOptions {
  contacts: number;
  interactions: number;
  seed?: number;
  /** The instant the data is "as of"; defaults to today 12:00 UTC so a day's runs see the same data. */
  now?: Date;
}

export const REFERENCE_SIZE = { contacts: 30_000, interactions: 1_000_000 } as const;

const DAY = 86_400_000;
const HISTORY_DAYS = 730;

export function createRandom(seed: number) {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const hex = (digits: number) => Math.floor(next() * 16 ** digits).toString(16).padStart(digits, '0');
  return {
    next,
    int,
    pick,
    chance: (p: number) => next() < p,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries.at(-1)![0];
    },
    /** A UUIDv7 (RFC 9562) for the given millisecond: time-ordered like the app's own ids. */
    uuidv7(ms: number): string {
      const t = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
      const variant = (8 + int(0, 3)).toString(16);
      return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(3)}-${variant}${hex(3)}-${hex(6)}${hex(6)}`;
    },
  };
}
export type Random = ReturnType<typeof createRandom>;

/** A sampler over weights: O(log n) picks from a cumulative table. */
function cumulativeSampler(weights: Float64Array, random: Random): () => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) cumulative[i] = total += weights[i]!;
  return () => {
    const roll = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > roll) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const circleShares: [Circle | null, number][] = [
  ['inner', 2],
  ['close', 8],
  ['active', 22],
  ['wider', 33],
  ['acquaintance', 25],
  [null, 10],
];
/** How often a contact shows up in interactions, by circle (relative). */
const interactionWeight: Record<string, number> = { inner: 40, close: 16, active: 6, wider: 2, acquaintance: 0.6, none: 1 };
const cadenceOptions: Record<string, (number | null)[]> = {
  inner: [7, 14, 14, 21],
  close: [21, 30, 30, 45],
  active: [30, 45, 60, 90],
  wider: [90, 180, null, null],
  acquaintance: [365, null, null, null],
  none: [null],
};

const kindWeights: [InteractionKind, number][] = [
  ['message', 26],
  ['email', 20],
  ['call', 12],
  ['video_call', 14],
  ['meeting', 10],
  ['coffee_chat', 6],
  ['social', 3],
  ['event', 2],
  ['mentorship_session', 2],
  ['informational_interview', 1],
  ['team_activity', 1],
  ['other', 3],
];
if (kindWeights.length !== interactionKinds.length) throw new Error('every interaction kind needs a weight');

const kindLabel: Record<InteractionKind, string> = {
  call: 'Call',
  video_call: 'Video call',
  coffee_chat: 'Coffee chat',
  informational_interview: 'Informational interview',
  meeting: 'Meeting',
  message: 'Messages',
  email: 'Email',
  event: 'Event',
  social: 'Dinner',
  mentorship_session: 'Mentorship session',
  team_activity: 'Team lunch',
  other: 'Caught up',
};

const withDuration = new Set<InteractionKind>(['call', 'video_call', 'meeting', 'coffee_chat', 'mentorship_session', 'informational_interview', 'social', 'event', 'team_activity']);

function phoneFrom(random: Random, template: string): string | null {
  for (let attempt = 0; attempt < 10; attempt++) {
    const candidate = template.replace(/[#N]/g, (c) => String(c === 'N' ? random.int(2, 9) : random.int(0, 9)));
    const parsed = parsePhoneNumberFromString(candidate);
    if (parsed?.isValid()) return parsed.number;
  }
  return null;
}

function organizationsFor(random: Random, count: number, startMs: number): BenchOrganization[] {
  const names = new Set<string>();
  const out: BenchOrganization[] = [];
  const maxDistinct = orgPrefixes.length * orgSuffixes.length;
  while (out.length < Math.min(count, maxDistinct)) {
    const name = `${random.pick(orgPrefixes)} ${random.pick(orgSuffixes)}`;
    if (names.has(name)) continue;
    names.add(name);
    const domain = `${slug(name)}.${random.pick(['com', 'io', 'dev', 'co', 'org'])}`;
    const createdMs = startMs + random.next() * 30 * DAY;
    out.push({ id: random.uuidv7(createdMs), name, domain, website: `https://${domain}`, createdAt: new Date(createdMs).toISOString() });
  }
  return out;
}

export function generate(options: GenerateOptions): BenchData {
  const seed = options.seed ?? 20_240_601;
  const random = createRandom(seed);
  const nowDate = options.now ?? new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00.000Z`);
  const nowMs = nowDate.getTime();
  const historyStart = nowMs - HISTORY_DAYS * DAY;
  const contactCount = options.contacts;

  const organizations = organizationsFor(random, Math.max(20, Math.min(2000, Math.round(contactCount / 15))), historyStart - 400 * DAY);
  const tagCount = Math.min(tagNames.length, Math.max(10, Math.round(contactCount / 4)));
  const tags: BenchTag[] = tagNames.slice(0, tagCount).map((name, i) => {
    const createdMs = historyStart - 300 * DAY + i * 60_000;
    return { id: random.uuidv7(createdMs), name, color: tagColors[i % tagColors.length]!, createdAt: new Date(createdMs).toISOString() };
  });
  // Tag popularity is skewed, as in real address books: a few tags are on many contacts.
  const tagSampler = cumulativeSampler(Float64Array.from(tags, (_, i) => 1 / (1 + i * 0.35)), random);
  // Organizations too: a handful of big employers, a long tail of small ones.
  const orgSampler = cumulativeSampler(Float64Array.from(organizations, (_, i) => 1 / Math.sqrt(1 + i)), random);
  const regionEntries = regions.map((r) => [r, r.weight] as const);

  // Contacts, created over the three years before now (older ones first, as an address book grows).
  const createdTimes = Array.from({ length: contactCount }, () => nowMs - 3 * 365 * DAY * Math.pow(random.next(), 0.7) - DAY).sort((a, b) => a - b);
  const contacts: BenchContact[] = [];
  for (let i = 0; i < contactCount; i++) {
    const region: BenchRegion = random.weighted(regionEntries);
    // Networks mix: a share of given names come from anywhere.
    const givenName = random.pick(random.chance(0.25) ? random.pick(regions).given : region.given);
    const familyName = random.pick(region.family);
    const name = `${givenName} ${familyName}`;
    const city = random.pick(region.cities);
    const organization = random.chance(0.85) ? orgSampler() : null;
    const org = organization === null ? null : organizations[organization]!;
    const circle = random.weighted(circleShares);
    const local = `${slug(givenName)}.${slug(familyName)}`;
    const emails: string[] = [];
    if (org && random.chance(0.8)) emails.push(`${local}@${org.domain}`);
    if (random.chance(0.55)) emails.push(`${random.chance(0.5) ? local : `${slug(givenName)}${random.int(1, 99)}`}@${random.pick(region.personalDomains)}`);
    if (random.chance(0.03)) emails.push(`${local.toUpperCase()}@${random.pick(region.personalDomains)}`);
    const phones: string[] = [];
    if (random.chance(0.4)) {
      const phone = phoneFrom(random, random.pick(region.phones));
      if (phone) phones.push(phone);
    }
    const socialProfiles: SocialProfileDto[] = [];
    if (random.chance(0.5)) {
      const handle = `${slug(givenName)}-${slug(familyName)}-${random.int(100, 999)}`;
      socialProfiles.push({ type: 'linkedin', url: `https://www.linkedin.com/in/${handle}`, handle });
    }
    if (random.chance(0.12)) {
      const handle = `${slug(givenName)}${slug(familyName).slice(0, 3)}`;
      socialProfiles.push({ type: 'github', url: `https://github.com/${handle}`, handle });
    }
    const tagSet = new Set<number>();
    const tagTarget = random.weighted([
      [0, 25],
      [1, 35],
      [2, 25],
      [3, 15],
    ] as const);
    while (tagSet.size < Math.min(tagTarget, tags.length)) tagSet.add(tagSampler());
    const birthdayRoll = random.next();
    const month = String(random.int(1, 12)).padStart(2, '0');
    const day = String(random.int(1, 28)).padStart(2, '0');
    const birthday = birthdayRoll < 0.15 ? `${random.int(1955, 2002)}-${month}-${day}` : birthdayRoll < 0.3 ? `--${month}-${day}` : null;
    contacts.push({
      id: random.uuidv7(createdTimes[i]!),
      name,
      givenName,
      familyName,
      pronouns: random.chance(0.15) ? random.pick(['she/her', 'he/him', 'they/them']) : null,
      headline: random.chance(0.2) ? random.pick(headlines) : null,
      organization,
      title: org && random.chance(0.9) ? random.pick(titles) : random.chance(0.1) ? random.pick(titles) : null,
      location: random.chance(0.8) ? `${city.city}, ${city.country}` : null,
      timezone: random.chance(0.7) ? city.timezone : null,
      emails,
      phones,
      socialProfiles,
      birthday,
      howWeMet: random.chance(0.2) ? random.pick(howWeMet) : null,
      circle,
      // About 60% of contacts carry a keep-in-touch cadence, more of the close ones.
      cadenceDays: random.pick(cadenceOptions[circle ?? 'none']!) ?? (random.chance(0.15) ? 90 : null),
      tags: [...tagSet],
      starred: random.chance(circle === 'inner' ? 0.4 : 0.02),
      archived: random.chance(0.02),
      createdAt: new Date(createdTimes[i]!).toISOString(),
    });
  }

  // Interactions: spread over two years (a little denser recently), participants weighted by circle.
  const contactSampler = cumulativeSampler(Float64Array.from(contacts, (c) => interactionWeight[c.circle ?? 'none']! * (c.archived ? 0.2 : 1)), random);
  const times = new Float64Array(options.interactions);
  for (let i = 0; i < times.length; i++) times[i] = Math.floor((historyStart + HISTORY_DAYS * DAY * Math.pow(random.next(), 0.85)) / 60_000) * 60_000;
  times.sort();
  const interactions: BenchInteraction[] = new Array(times.length);
  for (let i = 0; i < times.length; i++) {
    const occurredMs = Math.min(times[i]!, nowMs - 60_000);
    const size = random.weighted([
      [1, 82],
      [2, 13],
      [3, 5],
    ] as const);
    const people = [contactSampler()];
    for (let attempt = 0; people.length < size && attempt < 10; attempt++) {
      const other = contactSampler();
      if (!people.includes(other)) people.push(other);
    }
    const kind = random.weighted(kindWeights);
    const topic = random.pick(topics);
    const firstNames = people.map((p) => contacts[p]!.givenName);
    const withWhom = firstNames.length === 1 ? firstNames[0] : `${firstNames.slice(0, -1).join(', ')} and ${firstNames.at(-1)}`;
    const summary =
      kind === 'event'
        ? `Met ${withWhom} at ${random.pick(events)}`
        : random.chance(0.7)
          ? `${kindLabel[kind]} with ${withWhom} about ${topic}`
          : `${kindLabel[kind]}: ${topic}`;
    interactions[i] = {
      id: random.uuidv7(occurredMs + random.int(0, 600_000)),
      contacts: people,
      kind,
      occurredAt: new Date(occurredMs).toISOString(),
      summary,
      notes: random.chance(0.03) ? `${random.pick(noteSentences)}. Next: ${random.pick(followUpReasons).toLowerCase()}.` : null,
      durationMinutes: withDuration.has(kind) ? random.pick([15, 20, 30, 30, 45, 60, 90]) : null,
      initiatedBy: random.chance(0.8) ? random.pick(['me', 'them', 'mutual'] as const) : null,
    };
  }

  const notes: BenchNote[] = [];
  const noteCount = Math.round(contactCount / 10);
  for (let i = 0; i < noteCount; i++) {
    const contact = contactSampler();
    const createdMs = Math.max(Date.parse(contacts[contact]!.createdAt), nowMs - random.next() * HISTORY_DAYS * DAY);
    notes.push({
      id: random.uuidv7(createdMs),
      contact,
      body: `${random.pick(noteSentences)}. ${random.pick(noteSentences)}.`,
      pinned: random.chance(0.1),
      createdAt: new Date(createdMs).toISOString(),
    });
  }

  // Follow-ups: about a third done, some snoozed, the rest open (due ones among them).
  const followUps: BenchFollowUp[] = [];
  const followUpCount = Math.round((contactCount * 2) / 3);
  const today = isoDate(nowMs);
  for (let i = 0; i < followUpCount; i++) {
    const contact = contactSampler();
    const dueMs = nowMs + (random.next() * 240 - 150) * DAY;
    const createdMs = dueMs - random.int(1, 60) * DAY;
    const dueOn = isoDate(dueMs);
    const roll = random.next();
    let doneAt: string | null = null;
    let snoozedUntil: string | null = null;
    if (roll < 0.4) {
      if (dueOn <= today) doneAt = new Date(Math.min(nowMs - 60_000, dueMs + random.int(-3, 5) * DAY)).toISOString();
    } else if (roll < 0.5) snoozedUntil = isoDate(Math.max(dueMs, nowMs) + random.int(1, 30) * DAY);
    followUps.push({ id: random.uuidv7(createdMs), contact, dueOn, reason: random.pick(followUpReasons), doneAt, snoozedUntil, createdAt: new Date(createdMs).toISOString() });
  }

  return { seed, now: nowDate.toISOString(), organizations, tags, contacts, interactions, notes, followUps };
}
