import { z } from 'zod';
import { Cursor, Id, IsoDateTime, Limit } from './common';

/** The pipeline of a coffee chat or informational interview, in order. */
export const chatStatuses = ['idea', 'requested', 'scheduled', 'held', 'thanked', 'outcome'] as const;
export const chatKinds = ['coffee_chat', 'informational_interview'] as const;
export const chatPurposes = ['career_path', 'company', 'role', 'industry'] as const;
export const chatOutcomes = ['advice', 'referral', 'introduction', 'opportunity', 'none'] as const;

// Control characters (line breaks included) have no place in a one-line field; refusing them keeps
// names and topics from smuggling extra lines into an invitation or a log.
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, 'must be one line without control characters');
const longText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const ChatQuestionItem = z.strictObject({
  text: line(500),
  purpose: z.enum(chatPurposes).nullable().optional(),
  answer: longText(5000).nullable().optional().describe('What they said (notes during the chat)'),
});

export const ChatCreate = z
  .strictObject({
    contactId: Id.optional().describe('Someone in your contacts'),
    name: line(200).optional().describe('Or a new contact by name'),
    email: z.string().trim().email('must be an email address').max(254).optional(),
    kind: z.enum(chatKinds).default('coffee_chat'),
    purpose: z.enum(chatPurposes).nullable().optional(),
    topic: line(200),
    status: z.enum(['idea', 'requested', 'scheduled']).default('idea'),
    scheduledAt: IsoDateTime.nullable().optional(),
    durationMinutes: z.number().int().min(5, 'must be at least 5').max(480, 'must be at most 480').nullable().optional(),
  })
  .refine((c) => Boolean(c.contactId) !== Boolean(c.name), { message: 'give either contactId or name', path: ['name'] })
  .meta({ id: 'ChatCreate' });

export const ChatUpdate = z
  .strictObject({
    kind: z.enum(chatKinds).optional(),
    purpose: z.enum(chatPurposes).nullable().optional(),
    topic: line(200).optional(),
    status: z.enum(chatStatuses).optional().describe('held creates a thank-you follow-up and logs the chat as an interaction; thanked completes that follow-up'),
    scheduledAt: IsoDateTime.nullable().optional(),
    durationMinutes: z.number().int().min(5).max(480).nullable().optional(),
    questions: z.array(ChatQuestionItem).max(50, 'at most 50 questions').optional(),
    notes: longText(20000).nullable().optional(),
    outcome: z.enum(chatOutcomes).nullable().optional().describe('Setting it moves a held or thanked chat to the outcome stage'),
    outcomeNotes: longText(5000).nullable().optional(),
  })
  .meta({ id: 'ChatUpdate' });

export const Chat = z
  .object({
    id: z.string(),
    contactId: z.string(),
    contactName: z.string(),
    kind: z.enum(chatKinds),
    purpose: z.enum(chatPurposes).nullable(),
    status: z.enum(chatStatuses),
    topic: z.string(),
    scheduledAt: z.string().nullable(),
    durationMinutes: z.number().nullable(),
    questions: z.array(z.object({ text: z.string(), purpose: z.enum(chatPurposes).nullable(), answer: z.string().nullable() })),
    notes: z.string().nullable(),
    outcome: z.enum(chatOutcomes).nullable(),
    outcomeNotes: z.string().nullable(),
    source: z.enum(['manual', 'booking']),
    thankYouFollowUp: z.object({ id: z.string(), dueOn: z.string(), done: z.boolean() }).nullable(),
    heldAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Chat' });

export const ChatListQuery = z.strictObject({
  status: z.enum(chatStatuses).optional(),
  contactId: Id.optional(),
  limit: Limit,
  cursor: Cursor,
});

export const ChatPrep = z
  .object({
    chat: Chat,
    contact: z.object({
      id: z.string(),
      name: z.string(),
      headline: z.string().nullable(),
      organization: z.string().nullable(),
      title: z.string().nullable(),
      location: z.string().nullable(),
      timezone: z.string().nullable(),
      howWeMet: z.string().nullable(),
      socialProfiles: z.array(z.object({ type: z.string(), url: z.string().nullable(), handle: z.string().nullable() })),
    }),
    history: z.object({
      interactions: z.array(z.object({ id: z.string(), kind: z.string(), occurredAt: z.string(), summary: z.string() })),
      notes: z.array(z.object({ id: z.string(), body: z.string(), pinned: z.boolean(), createdAt: z.string() })),
      events: z.array(z.object({ id: z.string(), name: z.string(), startsOn: z.string(), context: z.string().nullable() })),
      chats: z.array(z.object({ id: z.string(), topic: z.string(), status: z.enum(chatStatuses), scheduledAt: z.string().nullable() })),
    }),
  })
  .meta({ id: 'ChatPrep' });

export const ChatQuestion = z
  .object({ id: z.string(), purpose: z.enum(chatPurposes), text: z.string(), position: z.number().int() })
  .meta({ id: 'ChatQuestion' });
export const ChatQuestionCreate = z.strictObject({ purpose: z.enum(chatPurposes), text: line(500) }).meta({ id: 'ChatQuestionCreate' });
export const ChatQuestionUpdate = z
  .strictObject({ purpose: z.enum(chatPurposes).optional(), text: line(500).optional(), position: z.number().int().min(0).max(10_000).optional() })
  .meta({ id: 'ChatQuestionUpdate' });

export type ChatStatus = (typeof chatStatuses)[number];
export type ChatKind = (typeof chatKinds)[number];
export type ChatPurpose = (typeof chatPurposes)[number];
export type ChatOutcome = (typeof chatOutcomes)[number];
export type ChatCreateInput = z.input<typeof ChatCreate>;
export type ChatUpdateInput = z.infer<typeof ChatUpdate>;
export type ChatDto = z.infer<typeof Chat>;
export type ChatListQueryInput = z.infer<typeof ChatListQuery>;
export type ChatPrepDto = z.infer<typeof ChatPrep>;
export type ChatQuestionDto = z.infer<typeof ChatQuestion>;
export type ChatQuestionCreateInput = z.infer<typeof ChatQuestionCreate>;
export type ChatQuestionUpdateInput = z.infer<typeof ChatQuestionUpdate>;
