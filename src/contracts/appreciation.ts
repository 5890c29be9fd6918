import { z } from 'zod';
import { Cursor, Id, IsoDate, Limit } from './common';

/** Kudos (appreciation said) and favors (help done), each given by you or received by you. */
export const appreciationKinds = ['kudos', 'favor'] as const;
export const directions = ['given', 'received'] as const;

const text = z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters');
const direction = z.enum(directions, { message: 'must be given or received' });

export const AppreciationCreate = z
  .strictObject({
    contactId: Id,
    direction,
    text,
    occurredOn: IsoDate.optional().describe('The day it happened; today in your time zone when left out'),
  })
  .meta({ id: 'AppreciationCreate' });
export const AppreciationUpdate = z
  .strictObject({ direction: direction.optional(), text: text.optional(), occurredOn: IsoDate.optional() })
  .meta({ id: 'AppreciationUpdate' });
export const Appreciation = z
  .object({
    id: z.string(),
    kind: z.enum(appreciationKinds),
    contactId: z.string(),
    contactName: z.string(),
    direction: z.enum(directions),
    text: z.string(),
    occurredOn: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Appreciation' });
export const AppreciationListQuery = z.strictObject({
  direction: direction.optional(),
  contactId: Id.optional(),
  limit: Limit,
  cursor: Cursor,
});

/** One contact's side of the reciprocity ledger. balance = given - received (kudos and favors together). */
export const LedgerEntry = z
  .object({
    contactId: z.string(),
    contactName: z.string(),
    kudosGiven: z.number().int(),
    kudosReceived: z.number().int(),
    favorsGiven: z.number().int(),
    favorsReceived: z.number().int(),
    given: z.number().int(),
    received: z.number().int(),
    balance: z.number().int().describe('given - received: below zero you have received more than you gave'),
  })
  .meta({ id: 'LedgerEntry' });
export const LedgerTotals = z.object({
  kudosGiven: z.number().int(),
  kudosReceived: z.number().int(),
  favorsGiven: z.number().int(),
  favorsReceived: z.number().int(),
});
export const Ledger = z
  .object({
    totals: LedgerTotals,
    owed: z.array(LedgerEntry).describe('Up to five people you have received more from than you gave, the widest gap first'),
    contacts: z.array(LedgerEntry).describe('Everyone with an entry, the most exchanges first'),
  })
  .meta({ id: 'Ledger' });
export const LedgerQuery = z.strictObject({ limit: Limit });
export const ContactLedger = LedgerEntry.extend({ recent: z.array(Appreciation) }).meta({ id: 'ContactLedger' });

export type AppreciationKind = (typeof appreciationKinds)[number];
export type Direction = (typeof directions)[number];
export type AppreciationCreateInput = z.infer<typeof AppreciationCreate>;
export type AppreciationUpdateInput = z.infer<typeof AppreciationUpdate>;
export type AppreciationDto = z.infer<typeof Appreciation>;
export type AppreciationListQueryInput = z.infer<typeof AppreciationListQuery>;
export type LedgerEntryDto = z.infer<typeof LedgerEntry>;
export type LedgerDto = z.infer<typeof Ledger>;
export type ContactLedgerDto = z.infer<typeof ContactLedger>;
