import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { DateTime } from 'luxon';
import type { Circle, ContactCreateInput } from '../../contracts/contacts';
import type { InteractionKind } from '../../contracts/interactions';
import { createRandom, type Random } from './random';
import {
  books,
  communities,
  events,
  hobbies,
  milestones,
  organizations,
  regions,
  roles,
  tagColors,
  topics,
  type City,
  type DemoOrganization,
  type Region,
} from './demo-vocabulary';

/**
 * Demo data as plain values, generated from a seed and a "now" alone: the same inputs always give
 * the same data, so a bug seen in a demo database can be reproduced. Contacts are referred to by
 * index; the loader maps indexes to the ids the services create.
 */
export interface DemoContact extends ContactCreateInput {
  name: string;
}

export interface DemoInteraction {
  contacts: number[];
  kind: InteractionKind;
  occurredAt: string;
  summary: string;
  notes: string | null;
  durationMinutes: number | null;
  initiatedBy: 'me' | 'them' | 'mutual' | null;
}

export interface DemoNote {
  contact: number;
  body: string;
  pinned: boolean;
}

export interface DemoFollowUp {
  contact: number;
  dueOn: string;
  reason: string;
  done: boolean;
  snoozedUntil: string | null;
}

export interface DemoData {
  seed: number;
  organizations: DemoOrganization[];
  tags: { name: string; color: string | null }[];
  contacts: DemoContact[];
  interactions: DemoInteraction[];
  notes: DemoNote[];
  followUps: DemoFollowUp[];
}

export interface DemoOptions {
  seed: number;
  now: Date;
  contacts?: number;
}

const HISTORY_DAYS = 730;

const circleShares: [Circle, number][] = [
  ['inner', 3],
  ['close', 12],
  ['active', 28],
  ['wider', 32],
  ['acquaintance', 25],
];

/** Interactions per contact over two years, by circle (min, max). */
const interactionsPerCircle: Record<Circle, [number, number]> = {
  inner: [40, 60],
  close: [22, 34],
  active: [10, 18],
  wider: [3, 9],
  acquaintance: [1, 3],
};

const cadences: Record<Circle, (number | null)[]> = {
  inner: [7, 14, 14, 21],
  close: [21, 30, 30, 45],
  active: [45, 60, 60, 90],
  wider: [90, 120, 180, null],
  acquaintance: [null, null, null, 180],
};

export const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Fills `#` with any digit and `N` with 2-9, until libphonenumber-js calls the number valid. */
function phoneFrom(random: Random, template: string): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = template.replace(/[#N]/g, (c) => String(c === 'N' ? random.int(2, 9) : random.int(0, 9)));
    const parsed = parsePhoneNumberFromString(candidate);
    if (parsed?.isValid()) return parsed.number;
  }
  throw new Error(`demo phone template ${template} never yields a valid number`);
}

function pronounsFor(random: Random, mark: string): string | null {
  if (mark === 'x') return random.chance(0.6) ? 'they/them' : null;
  if (!random.chance(0.35)) return null;
  return mark === 'f' ? 'she/her' : 'he/him';
}

function birthdayFor(random: Random): string | null {
  if (!random.chance(0.7)) return null;
  const day = DateTime.fromObject({ year: 2001, month: 1, day: 1 }, { zone: 'UTC' }).plus({ days: random.int(0, 364) });
  // Many people share the day but not the year (a LinkedIn or vCard birthday): --MM-DD.
  if (random.chance(0.4)) return `--${day.toFormat('MM-dd')}`;
  return day.set({ year: random.int(1962, 2001) }).toISODate();
}

type SocialInput = NonNullable<ContactCreateInput['socialProfiles']>[number];

/** Handles only (plus a website URL): the contacts service derives each network's canonical URL. */
function socialProfilesFor(random: Random, given: string, family: string, github: boolean): SocialInput[] {
  const g = slug(given);
  const f = slug(family);
  const profiles: SocialInput[] = [];
  if (random.chance(0.85)) profiles.push({ type: 'linkedin', handle: `${g}-${f}-${random.int(10, 99)}` });
  if (github && random.chance(0.75)) profiles.push({ type: 'github', handle: random.pick([`${g}${f}`, `${g}-${f}`, `${g[0]}${f}`, `${g}${f.slice(0, 3)}`]) });
  if (random.chance(0.25)) profiles.push({ type: 'x', handle: random.pick([`${g}_${f}`, `${g}${f}`, `${g}codes`]) });
  if (random.chance(0.15)) profiles.push({ type: 'mastodon', handle: `@${g}@${random.pick(['hachyderm.io', 'fosstodon.org', 'mastodon.social', 'toot.cafe'])}` });
  if (random.chance(0.2)) profiles.push({ type: 'bluesky', handle: `${g}${f}.bsky.social` });
  if (random.chance(0.15)) profiles.push({ type: 'website', url: `https://${g}${f}.${random.pick(['dev', 'com', 'io', 'me'])}` });
  return profiles;
}

interface Person {
  index: number;
  given: string;
  family: string;
  name: string;
  circle: Circle;
  city: City;
  org: DemoOrganization | null;
  role: (typeof roles)[number];
  tags: string[];
  metDaysAgo: number;
  howWeMet: string;
  /** f, m or x: only used to pick pronouns. */
  mark: string;
}

function howWeMetFor(random: Random, people: Person[], org: DemoOrganization | null): { text: string; tags: string[] } {
  const roll = random.int(1, 100);
  if (roll <= 30) return { text: `Met at ${random.pick(events)}${random.chance(0.5) ? ` during the ${random.pick(topics)} session` : ''}`, tags: ['conference'] };
  if (roll <= 50) return { text: `Met in ${random.pick(communities)}`, tags: ['community'] };
  if (roll <= 65 && people.length > 5) return { text: `Introduced by ${random.pick(people).name}`, tags: [] };
  if (roll <= 80) return { text: `Former colleague${org ? ` (we overlapped before they joined ${org.name})` : ''}`, tags: ['former-colleague'] };
  if (roll <= 90) return { text: `Informational interview about ${random.pick(topics)}`, tags: [] };
  return { text: `Paired in a coffee roulette at ${random.pick(organizations).name}`, tags: ['remote-work'] };
}

function makePeople(random: Random, count: number): Person[] {
  const people: Person[] = [];
  const taken = new Set<string>();
  const regionWeights = regions.map((r) => [r, r.weight] as [Region, number]);
  while (people.length < count) {
    const region = random.weighted(regionWeights);
    const [given, mark] = random.pick(region.given).split(':') as [string, string];
    const family = random.pick(region.family);
    const name = `${given} ${family}`;
    // Unique names keep `rapport log "Name"` unambiguous in the demo.
    if (taken.has(name)) continue;
    taken.add(name);
    const role = random.weighted(roles.map((r) => [r, r.weight] as [(typeof roles)[number], number]));
    const org = role.title === 'Independent Consultant' ? null : random.pick(organizations);
    const circle = random.weighted(circleShares);
    const met = howWeMetFor(random, people, org);
    people.push({
      index: people.length,
      given,
      family,
      name,
      circle,
      city: random.pick(region.cities),
      org,
      role,
      tags: [...role.tags, ...met.tags],
      metDaysAgo: circle === 'acquaintance' || circle === 'wider' ? random.int(20, HISTORY_DAYS) : random.int(400, 3000),
      howWeMet: met.text,
      mark,
    });
  }
  return people;
}

function contactFor(random: Random, person: Person): DemoContact {
  const { given, family, org, role, city, circle } = person;
  const g = slug(given);
  const f = slug(family);
  const emails: string[] = [];
  if (org) emails.push(`${random.pick([`${g}.${f}`, `${g}`, `${g[0]}${f}`, `${g}${f[0]}`])}@${org.domain}`);
  if (!org || random.chance(0.35)) emails.push(`${g}.${f}${random.chance(0.3) ? random.int(1, 99) : ''}@${random.pick(['gmail.com', 'proton.me', 'outlook.com', 'fastmail.com', 'icloud.com'])}`);
  const region = regions.find((r) => r.cities.includes(city))!;
  const phones: string[] = [];
  if (random.chance(0.75)) phones.push(phoneFrom(random, region.mobiles.length && random.chance(0.7) ? random.pick(region.mobiles) : random.pick(city.phones)));
  if (random.chance(0.1)) phones.push(phoneFrom(random, random.pick(city.phones)));
  const tags = new Set(person.tags);
  if (circle === 'inner' && random.chance(0.5)) tags.add('friend');
  if ((role.title.includes('Staff') || role.title.includes('Principal') || role.title.includes('VP')) && random.chance(0.4)) tags.add('mentor');
  if (role.title === 'Senior Software Engineer' && random.chance(0.08)) tags.add('mentee');
  if (role.title === 'Technical Recruiter' || (role.tags.includes('leadership') && random.chance(0.3))) tags.add('hiring');
  if (role.github && random.chance(0.25)) tags.add('open-source');
  if (random.chance(0.2)) tags.add('remote-work');
  return {
    name: person.name,
    givenName: given,
    familyName: family,
    pronouns: pronounsFor(random, person.mark),
    headline: random.chance(0.5) ? `${role.title}${org ? ` at ${org.name}` : ''} · ${random.pick(topics).replace(/^(their|a|the) /, '')}` : null,
    organization: org?.name ?? null,
    title: role.title,
    location: `${city.city}, ${city.country}`,
    timezone: city.timezone,
    emails,
    phones,
    socialProfiles: socialProfilesFor(random, given, family, role.github),
    birthday: birthdayFor(random),
    howWeMet: person.howWeMet,
    circle,
    cadenceDays: random.pick(cadences[circle]),
    tags: [...tags].sort(),
    starred: circle === 'inner' || (circle === 'close' && random.chance(0.25)),
  };
}

const kindWeights: [InteractionKind, number][] = [
  ['video_call', 20],
  ['message', 22],
  ['email', 14],
  ['coffee_chat', 10],
  ['call', 7],
  ['meeting', 7],
  ['social', 8],
  ['informational_interview', 2],
  ['event', 3],
  ['other', 1],
];

const summaries: Record<InteractionKind, string[]> = {
  video_call: ['Video call about {topic}', 'Catch-up over Zoom: {topic}', 'Quarterly catch-up; mostly talked about {topic}', 'Long call on {topic}'],
  message: ['Slack DMs about {topic}', 'They messaged asking about {topic}', 'Sent them an article on {topic}', 'Quick check-in on {topic}', 'Congratulated them on {milestone}'],
  email: ['Emailed about {topic}', 'Sent an intro email re: {topic}', 'Thank-you email after our chat', 'They emailed a question about {topic}'],
  coffee_chat: ['Virtual coffee: {topic}', 'Coffee chat about {topic}', 'Remote coffee; swapped notes on {topic}'],
  call: ['Phone call about {topic}', 'Quick call to catch up on {topic}', 'Called to congratulate them on {milestone}'],
  meeting: ['Working session on {topic}', 'Met to plan {topic}', 'Reviewed their draft on {topic}'],
  informational_interview: ['Informational interview: {topic}', 'They interviewed me about {topic}'],
  event: ['Saw them at {event}', 'Attended a {event} meetup together', 'Caught up at {event}'],
  social: ['Commented on their post about {topic}', 'Shared their post on {topic}', 'Congratulated them on {milestone} on LinkedIn'],
  mentorship_session: ['Mentorship session: {topic}', 'Monthly mentoring call: {topic}', 'Mentoring: reviewed goals and {topic}'],
  team_activity: ['Game night with the team', 'Coffee roulette pairing', 'Team happy hour', 'Remote trivia night'],
  other: ['Sent a book recommendation: {book}', 'Mailed a postcard from a trip', 'Sent a small gift for {milestone}'],
};

const interactionNotes = [
  '- They are hiring for **{topic}**\n- Follow up with the job link',
  'Key takeaway: start small with {topic}, measure, then expand.',
  'They recommended {book}. Worth reading before our next chat.',
  'Mentioned they are into {hobby} lately.\n\nAsk how it is going next time.',
  '1. Shared my notes on {topic}\n2. They will intro me to someone working on it',
  'Energy was low; they are juggling a lot. Keep the next check-in light.',
];

function fill(random: Random, template: string): string {
  return template
    .replace('{topic}', () => random.pick(topics))
    .replace('{milestone}', () => random.pick(milestones))
    .replace('{event}', () => random.pick(events))
    .replace('{book}', () => random.pick(books))
    .replace('{hobby}', () => random.pick(hobbies));
}

/** A moment on a given day, during working hours where the contact lives (weekends are rarer). */
function momentOn(random: Random, now: DateTime, daysAgo: number, zone: string): string {
  let day = now.setZone(zone).minus({ days: daysAgo });
  if (day.weekday >= 6 && random.chance(0.7)) day = day.minus({ days: day.weekday - 5 });
  const at = day.set({ hour: random.int(8, 19), minute: random.pick([0, 0, 15, 30, 30, 45, random.int(0, 59)]), second: 0, millisecond: 0 });
  const capped = at > now ? now.minus({ minutes: random.int(5, 240) }) : at;
  return capped.toUTC().toISO()!;
}

function interactionOf(random: Random, now: DateTime, contacts: number[], kind: InteractionKind, daysAgo: number, zone: string): DemoInteraction {
  const timed = ['video_call', 'coffee_chat', 'call', 'meeting', 'informational_interview', 'mentorship_session', 'team_activity', 'event'].includes(kind);
  return {
    contacts,
    kind,
    occurredAt: momentOn(random, now, daysAgo, zone),
    summary: fill(random, random.pick(summaries[kind])),
    notes: random.chance(timed ? 0.3 : 0.08) ? fill(random, random.pick(interactionNotes)) : null,
    durationMinutes: kind === 'event' || kind === 'team_activity' ? random.pick([45, 60, 90, 120]) : timed ? random.pick([15, 20, 25, 30, 30, 45, 45, 60, 90]) : null,
    initiatedBy: random.chance(0.9) ? random.weighted<'me' | 'them' | 'mutual'>([['me', 45], ['them', 35], ['mutual', 20]]) : null,
  };
}

function makeInteractions(random: Random, now: DateTime, people: Person[], contacts: DemoContact[]): DemoInteraction[] {
  const out: DemoInteraction[] = [];
  for (const person of people) {
    const [min, max] = interactionsPerCircle[person.circle];
    const span = Math.min(person.metDaysAgo, HISTORY_DAYS);
    const count = random.int(min, max);
    const isMentorship = contacts[person.index]!.tags!.some((t) => t === 'mentor' || t === 'mentee');
    for (let i = 0; i < count; i++) {
      // Skewed towards recent days: relationships in a CRM are the ones being kept up.
      const daysAgo = Math.floor(span * random.next() ** 1.3);
      const kind = isMentorship && random.chance(0.35) ? 'mentorship_session' : random.weighted(kindWeights);
      out.push(interactionOf(random, now, [person.index], kind, daysAgo, person.city.timezone));
    }
  }
  // Group moments: colleagues at the same organization, or people met at the same event.
  const byOrg = new Map<string, Person[]>();
  for (const p of people) if (p.org) byOrg.set(p.org.name, [...(byOrg.get(p.org.name) ?? []), p]);
  const groups = [...byOrg.values()].filter((g) => g.length >= 2);
  const groupCount = people.length;
  for (let i = 0; i < groupCount; i++) {
    const pool = random.chance(0.6) && groups.length ? random.pick(groups) : people.filter((p) => p.circle !== 'acquaintance');
    const size = Math.min(pool.length, random.int(2, 4));
    const members = random.sample(pool, size).sort((a, b) => a.index - b.index);
    const kind = random.weighted<InteractionKind>([['meeting', 4], ['event', 3], ['team_activity', 3], ['video_call', 3]]);
    const daysAgo = random.int(0, Math.min(HISTORY_DAYS, ...members.map((m) => m.metDaysAgo)));
    out.push(interactionOf(random, now, members.map((m) => m.index), kind, daysAgo, members[0]!.city.timezone));
  }
  return out.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.contacts[0]! - b.contacts[0]!);
}

const noteTemplates: { body: (p: Person, random: Random, people: Person[]) => string; pinnable: boolean }[] = [
  {
    pinnable: true,
    body: (p, r) =>
      `## Background\n- ${p.role.title}${p.org ? ` at ${p.org.name} (${p.org.about.toLowerCase()})` : ''}\n- Based in ${p.city.city}; prefers calls ${r.pick(['before lunch', 'late afternoon', 'on Fridays', 'early morning'])} their time\n- Cares about ${r.pick(topics)}`,
  },
  { pinnable: true, body: (p, r) => `**Family:** ${r.pick(['two kids', 'a toddler', 'a new baby', 'a partner who also works remotely', 'a very vocal cat'])}. Loves ${r.pick(hobbies)}.` },
  {
    pinnable: false,
    body: (p, r, people) =>
      `Prep for next chat:\n1. Ask how ${r.pick(topics)} is going\n2. Share ${r.pick(books)}\n3. Intro to ${r.pick(people).name}?`,
  },
  { pinnable: false, body: (p, r) => `Gift ideas: ${r.pick(books)}, something for ${r.pick(hobbies)}.` },
  { pinnable: false, body: (p, r) => `They helped me with ${r.pick(topics)} — *owe them one*. Offer a review of their ${r.pick(['talk', 'blog post', 'CV', 'launch plan'])}.` },
  { pinnable: true, body: (p, r) => `> "${r.pick(['Ship the boring version first.', 'Write it down or it did not happen.', 'Default to async.', 'Hire for slope, not intercept.'])}"\n\nTheir motto; it comes up in every conversation.` },
];

function makeNotes(random: Random, people: Person[]): DemoNote[] {
  const counts: Record<Circle, [number, number]> = { inner: [2, 4], close: [1, 3], active: [0, 2], wider: [0, 1], acquaintance: [0, 1] };
  const notes: DemoNote[] = [];
  for (const person of people) {
    const [min, max] = counts[person.circle];
    const templates = random.sample(noteTemplates, Math.min(noteTemplates.length, random.int(min, max)));
    for (const template of templates)
      notes.push({ contact: person.index, body: template.body(person, random, people), pinned: template.pinnable && random.chance(0.4) });
  }
  return notes;
}

const followUpReasons = [
  'Send the article on {topic} I promised',
  'Thank them for the intro',
  'Congratulate them on {milestone}',
  'Share feedback on their draft about {topic}',
  'Check in after their launch',
  'Send {book} recommendation',
  'Follow up on the job opening',
  'Propose a talk together on {topic}',
  'Wish them luck with {milestone}',
];

function makeFollowUps(random: Random, now: DateTime, people: Person[]): DemoFollowUp[] {
  const today = now.toUTC().startOf('day');
  const followUps: DemoFollowUp[] = [];
  const chance: Record<Circle, number> = { inner: 0.7, close: 0.6, active: 0.45, wider: 0.15, acquaintance: 0.3 };
  for (const person of people) {
    if (!random.chance(chance[person.circle])) continue;
    const state = random.weighted<'done' | 'due' | 'upcoming'>([['done', 40], ['due', 25], ['upcoming', 35]]);
    const offset = state === 'done' ? -random.int(3, 300) : state === 'due' ? -random.int(0, 14) : random.int(1, 45);
    const snoozed = state === 'due' && random.chance(0.15);
    followUps.push({
      contact: person.index,
      dueOn: today.plus({ days: offset }).toISODate()!,
      reason: person.circle === 'acquaintance' && person.howWeMet.startsWith('Met at') ? `Follow up after ${person.howWeMet.slice(7).split(' during')[0]}` : fill(random, random.pick(followUpReasons)),
      done: state === 'done',
      snoozedUntil: snoozed ? today.plus({ days: random.int(2, 10) }).toISODate()! : null,
    });
  }
  return followUps;
}

export function generateDemoData({ seed, now, contacts: contactCount = 300 }: DemoOptions): DemoData {
  const random = createRandom(seed);
  const nowTime = DateTime.fromJSDate(now, { zone: 'UTC' });
  const people = makePeople(random, contactCount);
  const contacts = people.map((p) => contactFor(random, p));
  const usedTags = [...new Set(contacts.flatMap((c) => c.tags ?? []))].sort();
  return {
    seed,
    organizations,
    tags: usedTags.map((name) => ({ name, color: tagColors[name] ?? null })),
    contacts,
    interactions: makeInteractions(random, nowTime, people, contacts),
    notes: makeNotes(random, people),
    followUps: makeFollowUps(random, nowTime, people),
  };
}
