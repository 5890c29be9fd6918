import type { Random, ScenarioData } from './generate';

/** A misspelling: one substituted, dropped, doubled or swapped letter (not the first). */
function typo(word: string, random: Random): string {
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, at) + random.pick([...'aeioustrnl'].filter((c) => c !== word[at])) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

/** What people type into a search box: names, prefixes of names, misspelled names, companies, topics. */
export function searchQueries(data: ScenarioData, random: Random, count = 300): string[] {
  const contact = () => random.pick(data.contacts);
  const plain = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
  const topicWords = ['kubernetes', 'roadmap', 'fundraising', 'postmortem', 'onboarding', 'pricing', 'hiring', 'marathon', 'observability', 'typescript', 'sharding', 'burnout'];
  const makers: (() => string)[] = [
    () => contact().name,
    () => contact().givenName.slice(0, random.int(3, 5)),
    () => contact().familyName,
    () => `${contact().givenName} ${contact().familyName.slice(0, random.int(2, 4))}`,
    () => {
      const name = plain(contact().familyName);
      return name.length >= 5 ? typo(name.toLowerCase(), random) : name;
    },
    () => {
      const c = contact();
      const given = plain(c.givenName);
      return `${given.length >= 5 ? typo(given.toLowerCase(), random) : given} ${c.familyName}`;
    },
    () => random.pick(data.organizations).name.split(' ')[0]!,
    () => random.pick(data.organizations).name,
    () => random.pick(topicWords),
    () => typo(random.pick(topicWords), random),
    () => `${contact().givenName} ${random.pick(['berlin', 'london', 'kubernetes', 'roadmap', 'coffee'])}`,
    () => random.pick(data.tags).name,
  ];
  return Array.from({ length: count }, () => random.pick(makers)().trim()).filter((q) => q.length > 0);
}
