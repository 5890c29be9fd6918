import { describe, expect, it } from 'vitest';
import { ContactCreate } from '../../contracts/contacts';
import { FollowUpCreate } from '../../contracts/follow-ups';
import { InteractionCreate } from '../../contracts/interactions';
import { NoteCreate } from '../../contracts/notes';
import { OrganizationCreate } from '../../contracts/organizations';
import { TagCreate } from '../../contracts/tags';
import { generateDemoData } from './demo-data';
import { createRandom } from './random';

const now = new Date('2025-06-30T12:00:00Z');
const fakeId = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('demo data', () => {
  const data = generateDemoData({ seed: 42, now });

  it('is the same for the same seed and moment, and different for another seed', () => {
    expect(generateDemoData({ seed: 42, now })).toEqual(data);
    const other = generateDemoData({ seed: 43, now });
    expect(other.contacts.map((c) => c.name)).not.toEqual(data.contacts.map((c) => c.name));
  });

  it('is a realistic network: a few hundred contacts across organizations, thousands of interactions over two years', () => {
    expect(data.contacts).toHaveLength(300);
    expect(new Set(data.contacts.map((c) => c.name)).size).toBe(300);
    expect(new Set(data.contacts.map((c) => c.organization).filter(Boolean)).size).toBeGreaterThanOrEqual(20);
    expect(data.interactions.length).toBeGreaterThanOrEqual(2000);
    expect(data.notes.length).toBeGreaterThanOrEqual(100);
    expect(data.followUps.length).toBeGreaterThanOrEqual(50);
    expect(data.followUps.some((f) => f.done)).toBe(true);
    expect(data.followUps.some((f) => !f.done && f.dueOn <= '2025-06-30')).toBe(true);
    expect(data.followUps.some((f) => f.dueOn > '2025-06-30')).toBe(true);

    const times = data.interactions.map((i) => Date.parse(i.occurredAt));
    const twoYears = 731 * 24 * 3600 * 1000;
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - twoYears);
    // Spread over the whole period, not bunched at the end.
    expect(times.filter((t) => t < now.getTime() - twoYears / 2).length).toBeGreaterThan(data.interactions.length / 10);
    expect(data.interactions.some((i) => i.contacts.length > 1)).toBe(true);
  });

  it('passes the API contracts, so the loader can write it through the services', () => {
    for (const contact of data.contacts) expect(ContactCreate.safeParse(contact).error).toBeUndefined();
    for (const org of data.organizations) expect(OrganizationCreate.safeParse({ name: org.name, domain: org.domain, website: `https://${org.domain}`, notes: org.about }).error).toBeUndefined();
    for (const tag of data.tags) expect(TagCreate.safeParse(tag).error).toBeUndefined();
    for (const i of data.interactions) {
      const { contacts, ...fields } = i;
      expect(contacts.every((index) => index >= 0 && index < data.contacts.length)).toBe(true);
      expect(InteractionCreate.safeParse({ ...fields, contactIds: contacts.map(fakeId) }).error).toBeUndefined();
    }
    for (const note of data.notes) expect(NoteCreate.safeParse({ body: note.body, pinned: note.pinned }).error).toBeUndefined();
    for (const f of data.followUps) expect(FollowUpCreate.safeParse({ contactId: fakeId(f.contact), dueOn: f.dueOn, reason: f.reason }).error).toBeUndefined();
    // Every tag a contact uses is created first.
    const tags = new Set(data.tags.map((t) => t.name));
    expect(data.contacts.flatMap((c) => c.tags ?? []).every((t) => tags.has(t))).toBe(true);
  });

  it('scales with the number of contacts', () => {
    const small = generateDemoData({ seed: 42, now, contacts: 20 });
    expect(small.contacts).toHaveLength(20);
    expect(small.interactions.length).toBeLessThan(data.interactions.length / 5);
  });
});

describe('createRandom', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const rolls = Array.from({ length: 1000 }, () => a.int(1, 6));
    expect(Array.from({ length: 1000 }, () => b.int(1, 6))).toEqual(rolls);
    expect(new Set(rolls)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    const sample = createRandom(1).sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
  });
});
