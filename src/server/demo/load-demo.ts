import type { Actor } from '../platform/context';
import type { Services } from '../services';
import type { DemoData } from './demo-data';

export interface DemoCounts {
  organizations: number;
  tags: number;
  contacts: number;
  interactions: number;
  notes: number;
  followUps: number;
}

export type DemoProgress = (step: keyof DemoCounts, done: number, total: number) => void;

/**
 * Writes demo data through the services, exactly as a person would through the API, so the derived
 * columns (last interaction, next due date) and the search index come out right.
 * One at a time on purpose: interactions of the same contact must not race when the derived
 * columns are recomputed, and SQLite has a single writer anyway.
 */
export async function loadDemo(services: Services, actor: Actor, data: DemoData, progress: DemoProgress = () => {}): Promise<DemoCounts> {
  const counts: DemoCounts = { organizations: 0, tags: 0, contacts: 0, interactions: 0, notes: 0, followUps: 0 };
  const step = async <T>(name: keyof DemoCounts, items: T[], write: (item: T) => Promise<unknown>) => {
    for (const item of items) {
      await write(item);
      counts[name]++;
      if (counts[name] % 100 === 0 || counts[name] === items.length) progress(name, counts[name], items.length);
    }
  };

  await step('organizations', data.organizations, (org) =>
    services.organizations.create(actor, { name: org.name, domain: org.domain, website: `https://${org.domain}`, notes: org.about }),
  );
  await step('tags', data.tags, (tag) => services.tags.create(actor, tag));

  const contactIds: string[] = [];
  await step('contacts', data.contacts, async (contact) => {
    contactIds.push((await services.contacts.create(actor, contact)).id);
  });
  const idOf = (index: number) => contactIds[index]!;

  await step('interactions', data.interactions, (i) =>
    services.interactions.create(actor, {
      contactIds: i.contacts.map(idOf),
      kind: i.kind,
      occurredAt: i.occurredAt,
      summary: i.summary,
      notes: i.notes,
      durationMinutes: i.durationMinutes,
      initiatedBy: i.initiatedBy,
    }),
  );
  await step('notes', data.notes, (note) => services.notes.create(actor, idOf(note.contact), { body: note.body, pinned: note.pinned }));
  await step('followUps', data.followUps, async (f) => {
    const created = await services.followUps.create(actor, { contactId: idOf(f.contact), dueOn: f.dueOn, reason: f.reason });
    if (f.done || f.snoozedUntil)
      await services.followUps.update(actor, created.id, { ...(f.done && { done: true }), ...(f.snoozedUntil && { snoozedUntil: f.snoozedUntil }) });
  });
  return counts;
}
