import { z } from 'zod';
import { Cursor, Id, IsoDate, Limit } from './common';

export const eventRoles = ['attendee', 'speaker', 'organizer'] as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => text(max).nullable().optional();
const Link = z.string().trim().url('must be a URL such as https://example.com/conf').max(2000).nullable().optional();

export const EventCreate = z
  .strictObject({
    name: text(200),
    link: Link,
    organizer: optionalText(200),
    startsOn: IsoDate,
    endsOn: IsoDate.optional().describe('Defaults to startsOn'),
    timezone: z.string().trim().max(64).optional().describe('IANA time zone of the event; defaults to yours'),
    role: z.enum(eventRoles).default('attendee'),
    notes: optionalText(5000),
  })
  .meta({ id: 'EventCreate' });

export const EventUpdate = z
  .strictObject({
    name: text(200).optional(),
    link: Link,
    organizer: optionalText(200),
    startsOn: IsoDate.optional(),
    endsOn: IsoDate.optional(),
    timezone: z.string().trim().max(64).optional(),
    role: z.enum(eventRoles).optional(),
    notes: optionalText(5000),
  })
  .meta({ id: 'EventUpdate' });

export const EventImport = z
  .strictObject({
    ics: z.string().min(1, 'must not be empty').max(500_000, 'must be at most 500 kB').describe('The text of an .ics invitation (its first VEVENT is used)'),
    role: z.enum(eventRoles).optional().describe('Defaults to organizer when you are its ORGANIZER, else attendee'),
  })
  .meta({ id: 'EventImport' });

export const Event = z
  .object({
    id: z.string(),
    name: z.string(),
    link: z.string().nullable(),
    organizer: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    timezone: z.string(),
    role: z.enum(eventRoles),
    notes: z.string().nullable(),
    met: z.number().int().describe('People met there'),
    followedUp: z.number().int().describe('Of those, how many have their first follow-up done'),
    waiting: z.number().int().describe('Of those, how many still wait for their follow-up'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Event' });

export const EventListQuery = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Part of the name'),
  limit: Limit,
  cursor: Cursor,
});

export const MetPerson = z
  .strictObject({
    contactId: Id.optional().describe('Someone already in your contacts'),
    name: text(200).optional().describe('Or a new contact by name'),
    email: z.string().trim().email('must be an email address').max(254).optional().describe('For a new contact'),
    context: optionalText(500).describe('One line: what you talked about'),
  })
  .refine((p) => Boolean(p.contactId) !== Boolean(p.name), { message: 'give either contactId or name', path: ['name'] });

export const EventPeopleAdd = z
  .strictObject({
    people: z.array(MetPerson).min(1, 'add at least one person').max(100, 'at most 100 people at a time'),
    followUpInDays: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(365, 'must be at most 365').default(3),
  })
  .meta({ id: 'EventPeopleAdd' });

export const EventPeopleRemove = z.strictObject({ contactIds: z.array(Id).min(1).max(100) }).meta({ id: 'EventPeopleRemove' });

export const eventPersonStatuses = ['waiting', 'followed_up', 'no_follow_up'] as const;

export const EventPerson = z
  .object({
    contactId: z.string(),
    contactName: z.string(),
    headline: z.string().nullable(),
    context: z.string().nullable(),
    metAt: z.string(),
    status: z.enum(eventPersonStatuses),
    followUp: z.object({ id: z.string(), dueOn: z.string(), reason: z.string(), done: z.boolean() }).nullable(),
    suggestedMessage: z.string().describe('A first message to send, to edit before sending'),
    created: z.boolean().optional().describe('Set on the answer to an add: true when the contact was created'),
  })
  .meta({ id: 'EventPerson' });

export type EventCreateInput = z.infer<typeof EventCreate>;
export type EventUpdateInput = z.infer<typeof EventUpdate>;
export type EventImportInput = z.infer<typeof EventImport>;
export type EventDto = z.infer<typeof Event>;
export type EventListQueryInput = z.infer<typeof EventListQuery>;
export type EventPeopleAddInput = z.input<typeof EventPeopleAdd>;
export type EventPersonDto = z.infer<typeof EventPerson>;
export type EventRole = (typeof eventRoles)[number];
