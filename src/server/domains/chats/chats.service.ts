import type {
  ChatCreateInput,
  ChatDto,
  ChatKind,
  ChatListQueryInput,
  ChatOutcome,
  ChatPrepDto,
  ChatPurpose,
  ChatQuestionCreateInput,
  ChatQuestionDto,
  ChatQuestionUpdateInput,
  ChatStatus,
  ChatUpdateInput,
} from '../../../contracts/chats';
import type { ChatQuestionTable, ChatTable } from '../../db/schema';
import { addDays, nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { AppError, invalid, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { refreshDerived } from '../contacts/contacts.derived';
import * as contactsRepo from '../contacts/contacts.repository';
import { insertFollowUp } from '../follow-ups/follow-ups.repository';
import * as interactionsRepo from '../interactions/interactions.repository';
import { listNotes } from '../notes/notes.repository';
import { indexInteractions } from '../search/search.index';
import { insertQuickContact } from '../events/quick-contact';
import { invitationIcs } from './chats.ics';
import { defaultQuestions, questionKey } from './chats.questions';
import * as repo from './chats.repository';

export const kindLabel: Record<ChatKind, string> = { coffee_chat: 'Coffee chat', informational_interview: 'Informational interview' };

const stage = (status: string) => ['idea', 'requested', 'scheduled', 'held', 'thanked', 'outcome'].indexOf(status);
/** From "held" on, the chat has happened. */
const happened = (status: string) => stage(status) >= stage('held');

export function toChatDto(row: repo.ChatRow): ChatDto {
  const questions = JSON.parse(row.questions) as { text: string; purpose?: ChatPurpose | null; answer?: string | null }[];
  return {
    id: row.id,
    contactId: row.contact_id,
    contactName: row.contact_name,
    kind: row.kind as ChatKind,
    purpose: row.purpose as ChatPurpose | null,
    status: row.status as ChatStatus,
    topic: row.topic,
    scheduledAt: row.scheduled_at,
    durationMinutes: row.duration_minutes,
    questions: questions.map((q) => ({ text: q.text, purpose: q.purpose ?? null, answer: q.answer ?? null })),
    notes: row.notes,
    outcome: row.outcome as ChatOutcome | null,
    outcomeNotes: row.outcome_notes,
    source: row.source as 'manual' | 'booking',
    thankYouFollowUp: row.fu_id ? { id: row.fu_id, dueOn: row.fu_due_on!, done: row.fu_done_at !== null } : null,
    heldAt: row.held_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const toQuestionDto = (q: ChatQuestionTable): ChatQuestionDto => ({ id: q.id, purpose: q.purpose as ChatPurpose, text: q.text, position: q.position });

/** Strategy 5: coffee chats and informational interviews, their prep sheets and the question bank. */
export function chatService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;

  async function get(actor: Actor, id: string): Promise<ChatDto> {
    const row = await repo.findChat(db, actor.userId, id);
    if (!row) throw notFound('Chat');
    return toChatDto(row);
  }

  /** A new account gets the default questions the first time it looks at its bank. */
  async function ensureQuestionBank(ownerId: string): Promise<void> {
    if (await repo.hasAnyQuestion(db, ownerId)) return;
    const now = nowIso(clock);
    const rows: ChatQuestionTable[] = Object.entries(defaultQuestions).flatMap(([purpose, texts]) =>
      texts.map((text, position) => ({ id: newId(), owner_id: ownerId, purpose, text, text_key: questionKey(text), position, archived: false, created_at: now, updated_at: now })),
    );
    await repo.insertQuestions(db, rows);
  }

  return {
    get,

    async create(actor: Actor, input: ChatCreateInput): Promise<ChatDto> {
      const status = input.status ?? 'idea';
      if (status === 'scheduled' && !input.scheduledAt) throw invalid('scheduledAt', 'a scheduled chat needs a time');
      const now = nowIso(clock);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        let contactId = input.contactId;
        if (contactId) {
          if ((await contactsRepo.ownedContactIds(trx, actor.userId, [contactId])).size === 0) throw notFound('Contact');
        } else contactId = await insertQuickContact(trx, dialect, actor, { name: input.name!, email: input.email }, now);
        await repo.insertChat(trx, {
          id,
          owner_id: actor.userId,
          contact_id: contactId,
          kind: input.kind ?? 'coffee_chat',
          purpose: input.purpose ?? null,
          status,
          topic: input.topic,
          scheduled_at: input.scheduledAt ? new Date(input.scheduledAt).toISOString() : null,
          duration_minutes: input.durationMinutes ?? (input.scheduledAt ? 30 : null),
          questions: '[]',
          notes: null,
          outcome: null,
          outcome_notes: null,
          source: 'manual',
          booked_slot: null,
          thank_you_follow_up_id: null,
          held_at: null,
          created_at: now,
          updated_at: now,
        });
      });
      return get(actor, id);
    },

    /**
     * Moves a chat along its pipeline. The first time it is marked held, the chat is logged as an
     * interaction (it then counts for the relationship) and a thank-you follow-up due tomorrow is
     * created; marking it thanked completes that follow-up; an outcome closes it.
     */
    async update(actor: Actor, id: string, input: ChatUpdateInput): Promise<ChatDto> {
      const now = nowIso(clock);
      await db.transaction().execute(async (trx) => {
        const current = await repo.findChat(trx, actor.userId, id);
        if (!current) throw notFound('Chat');
        let status = input.status ?? current.status;
        const outcome = input.outcome !== undefined ? input.outcome : current.outcome;
        if (input.outcome && !happened(status)) throw invalid('outcome', 'can be set once the chat has been held');
        if (input.outcome) status = 'outcome';
        if (status === 'outcome' && !outcome) throw invalid('outcome', 'say what the chat led to: advice, referral, introduction, opportunity or none');
        const scheduledAt = input.scheduledAt !== undefined ? (input.scheduledAt && new Date(input.scheduledAt).toISOString()) : current.scheduled_at;
        if (status === 'scheduled' && !scheduledAt) throw invalid('scheduledAt', 'a scheduled chat needs a time');
        const values: Partial<ChatTable> = { status, outcome, updated_at: now, scheduled_at: scheduledAt };
        if (input.kind !== undefined) values.kind = input.kind;
        if (input.purpose !== undefined) values.purpose = input.purpose;
        if (input.topic !== undefined) values.topic = input.topic;
        if (input.durationMinutes !== undefined) values.duration_minutes = input.durationMinutes;
        if (input.questions !== undefined) values.questions = JSON.stringify(input.questions.map((q) => ({ text: q.text, purpose: q.purpose ?? null, answer: q.answer ?? null })));
        if (input.notes !== undefined) values.notes = input.notes;
        if (input.outcomeNotes !== undefined) values.outcome_notes = input.outcomeNotes;
        // A booked time no longer held in the calendar frees its slot for the booking page.
        if (stage(status) < stage('scheduled') || scheduledAt !== current.scheduled_at) values.booked_slot = null;

        if (happened(status) && current.held_at === null) {
          values.held_at = now;
          const occurredAt = scheduledAt && scheduledAt < now ? scheduledAt : now;
          const kind = (values.kind ?? current.kind) as ChatKind;
          const topic = values.topic ?? current.topic;
          const interaction = {
            id: newId(),
            owner_id: actor.userId,
            kind,
            occurred_at: occurredAt,
            duration_minutes: values.duration_minutes !== undefined ? values.duration_minutes : current.duration_minutes,
            initiated_by: current.source === 'booking' ? 'them' : 'me',
            summary: `${kindLabel[kind]}: ${topic}`,
            notes: values.notes !== undefined ? values.notes : current.notes,
            created_at: now,
            updated_at: now,
          };
          await interactionsRepo.insertInteraction(trx, interaction, [current.contact_id]);
          await refreshDerived(trx, actor.userId, [current.contact_id], actor.timezone, clock.now());
          await indexInteractions(trx, dialect, actor.userId, [interaction]);
          if (!current.thank_you_follow_up_id) {
            const followUpId = newId();
            const dueOn = addDays(todayIn(clock, actor.timezone), 1);
            await insertFollowUp(trx, {
              id: followUpId,
              owner_id: actor.userId,
              contact_id: current.contact_id,
              due_on: dueOn,
              reason: `Send ${current.contact_name} a thank-you note for the ${kindLabel[kind].toLowerCase()} about ${topic}`.slice(0, 500),
              done_at: stage(status) >= stage('thanked') ? now : null,
              snoozed_until: null,
              remind_on: dueOn,
              created_at: now,
              updated_at: now,
            });
            values.thank_you_follow_up_id = followUpId;
          }
        }
        if (stage(status) >= stage('thanked') && current.thank_you_follow_up_id && current.fu_done_at === null)
          await trx.updateTable('follow_up').set({ done_at: now, updated_at: now }).where('id', '=', current.thank_you_follow_up_id).where('owner_id', '=', actor.userId).execute();
        await repo.updateChat(trx, actor.userId, id, values);
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      if (!(await repo.findChat(db, actor.userId, id))) throw notFound('Chat');
      await repo.deleteChat(db, actor.userId, id);
    },

    async list(actor: Actor, query: Partial<ChatListQueryInput> & { limit: number }): Promise<{ items: ChatDto[]; nextCursor: string | null }> {
      if (query.contactId && (await contactsRepo.ownedContactIds(db, actor.userId, [query.contactId])).size === 0) throw notFound('Contact');
      const cursor = decodeCursor(query.cursor, 2);
      const rows = await repo.listChats(db, { ownerId: actor.userId, status: query.status, contactId: query.contactId }, query.limit + 1, cursor && { key: String(cursor[0]), id: String(cursor[1]) });
      const page = pageOf(rows, query.limit, (r) => [r.updated_at, r.id]);
      return { items: page.items.map(toChatDto), nextCursor: page.nextCursor };
    },

    /** Everything to prepare: who they are, what you share, your questions. */
    async prep(actor: Actor, id: string): Promise<ChatPrepDto> {
      const chat = await get(actor, id);
      const contact = await contactsRepo.findContact(db, actor.userId, chat.contactId);
      if (!contact) throw notFound('Chat');
      const [interactions, notes, events, chats] = await Promise.all([
        interactionsRepo.timeline(db, actor.userId, chat.contactId, 5),
        listNotes(db, actor.userId, chat.contactId, 5),
        db
          .selectFrom('event_person as p')
          .innerJoin('event as e', 'e.id', 'p.event_id')
          .select(['e.id', 'e.name', 'e.starts_on', 'p.context'])
          .where('p.contact_id', '=', chat.contactId)
          .where('p.owner_id', '=', actor.userId)
          .orderBy('e.starts_on', 'desc')
          .limit(5)
          .execute(),
        repo.listChats(db, { ownerId: actor.userId, contactId: chat.contactId }, 6),
      ]);
      return {
        chat,
        contact: {
          id: contact.id,
          name: contact.name,
          headline: contact.headline,
          organization: contact.organization_name,
          title: contact.title,
          location: contact.location,
          timezone: contact.timezone,
          howWeMet: contact.how_we_met,
          socialProfiles: JSON.parse(contact.social_profiles),
        },
        history: {
          interactions: interactions.map((i) => ({ id: i.id, kind: i.kind, occurredAt: i.occurred_at, summary: i.summary })),
          notes: notes.map((n) => ({ id: n.id, body: n.body, pinned: Boolean(n.pinned), createdAt: n.created_at })),
          events: events.map((e) => ({ id: e.id, name: e.name, startsOn: e.starts_on, context: e.context })),
          chats: chats.filter((c) => c.id !== id).slice(0, 5).map((c) => ({ id: c.id, topic: c.topic, status: c.status as ChatStatus, scheduledAt: c.scheduled_at })),
        },
      };
    },

    /** The calendar invitation of a scheduled chat, for your own calendar (you organize, they attend). */
    async invitation(actor: Actor, id: string): Promise<string> {
      const chat = await get(actor, id);
      if (!chat.scheduledAt) throw new AppError('conflict', 'This chat has no time yet; schedule it first');
      const contact = await contactsRepo.findContact(db, actor.userId, chat.contactId);
      const email = contact ? (JSON.parse(contact.emails) as string[])[0] : undefined;
      return invitationIcs({
        uid: `${chat.id}@rapport`,
        start: chat.scheduledAt,
        minutes: chat.durationMinutes ?? 30,
        summary: `${kindLabel[chat.kind]} with ${chat.contactName}: ${chat.topic}`,
        description: chat.questions.length ? `Questions:\n${chat.questions.map((q) => `- ${q.text}`).join('\n')}` : null,
        organizer: { name: actor.name, email: actor.email },
        attendee: email ? { name: chat.contactName, email } : null,
        stamp: clock.now(),
      });
    },

    async questions(actor: Actor): Promise<{ items: ChatQuestionDto[] }> {
      await ensureQuestionBank(actor.userId);
      return { items: (await repo.listQuestions(db, actor.userId)).map(toQuestionDto) };
    },

    async addQuestion(actor: Actor, input: ChatQuestionCreateInput): Promise<ChatQuestionDto> {
      await ensureQuestionBank(actor.userId);
      const key = questionKey(input.text);
      const now = nowIso(clock);
      const existing = await repo.findQuestionByKey(db, actor.userId, input.purpose, key);
      if (existing && !existing.archived) throw new AppError('conflict', 'You already have this question for this purpose', [{ path: 'text', message: 'is already in your question bank' }]);
      const position = await repo.nextQuestionPosition(db, actor.userId, input.purpose);
      if (existing) {
        await repo.updateQuestion(db, actor.userId, existing.id, { archived: false, text: input.text, position, updated_at: now });
        return toQuestionDto({ ...existing, text: input.text, position });
      }
      const row: ChatQuestionTable = { id: newId(), owner_id: actor.userId, purpose: input.purpose, text: input.text, text_key: key, position, archived: false, created_at: now, updated_at: now };
      await repo.insertQuestions(db, [row]);
      return toQuestionDto(row);
    },

    async updateQuestion(actor: Actor, id: string, input: ChatQuestionUpdateInput): Promise<ChatQuestionDto> {
      const current = await repo.findQuestion(db, actor.userId, id);
      if (!current) throw notFound('Question');
      const purpose = input.purpose ?? current.purpose;
      const text = input.text ?? current.text;
      const key = questionKey(text);
      const clash = await repo.findQuestionByKey(db, actor.userId, purpose, key);
      if (clash && clash.id !== id) {
        if (!clash.archived) throw new AppError('conflict', 'You already have this question for this purpose', [{ path: 'text', message: 'is already in your question bank' }]);
        await db.deleteFrom('chat_question').where('id', '=', clash.id).where('owner_id', '=', actor.userId).execute();
      }
      const values = { purpose, text, text_key: key, position: input.position ?? current.position, updated_at: nowIso(clock) };
      await repo.updateQuestion(db, actor.userId, id, values);
      return toQuestionDto({ ...current, ...values });
    },

    /** Removed questions are kept hidden, so the defaults do not come back once you have pruned them. */
    async removeQuestion(actor: Actor, id: string): Promise<void> {
      if (!(await repo.findQuestion(db, actor.userId, id))) throw notFound('Question');
      await repo.updateQuestion(db, actor.userId, id, { archived: true, updated_at: nowIso(clock) });
    },
  };
}

export type ChatService = ReturnType<typeof chatService>;
