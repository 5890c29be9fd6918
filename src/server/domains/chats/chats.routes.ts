import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, page, Problem } from '../../../contracts/common';
import { Chat, ChatCreate, ChatListQuery, ChatPrep, ChatQuestion, ChatQuestionCreate, ChatQuestionUpdate, ChatUpdate } from '../../../contracts/chats';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['chats'];

export const chatRoutes: FastifyPluginAsyncZod = async (app) => {
  const { chats } = app.services;

  app.post(
    '/chats',
    { schema: { tags, summary: 'Add a coffee chat or informational interview', description: 'With an existing contact (`contactId`) or a new one (`name`, optional `email`). Starts as an idea unless `status` says requested or scheduled.', body: ChatCreate, response: { 201: Chat, ...errors } } },
    async (request, reply) => reply.code(201).send(await chats.create(request.actor, request.body)),
  );
  app.get(
    '/chats',
    { schema: { tags, summary: 'The chat pipeline', description: 'Most recently changed first; `status` filters one stage (idea, requested, scheduled, held, thanked, outcome).', querystring: ChatListQuery, response: { 200: page(Chat), ...errors } } },
    async (request) => chats.list(request.actor, request.query),
  );
  app.get('/chats/:id', { schema: { tags, summary: 'A chat', params: IdParams, response: { 200: Chat, ...errors } } }, async (request) => chats.get(request.actor, request.params.id));
  app.patch(
    '/chats/:id',
    {
      schema: {
        tags,
        summary: 'Move a chat along, or edit its prep sheet',
        description:
          '`status: "held"` logs the chat as an interaction and adds a thank-you follow-up due tomorrow; `"thanked"` completes it; `outcome` (advice, referral, introduction, opportunity, none) closes a held chat. `questions` and `notes` are the prep sheet.',
        params: IdParams,
        body: ChatUpdate,
        response: { 200: Chat, ...errors },
      },
    },
    async (request) => chats.update(request.actor, request.params.id, request.body),
  );
  app.delete('/chats/:id', { schema: { tags, summary: 'Delete a chat', params: IdParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await chats.remove(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
  app.get(
    '/chats/:id/prep',
    { schema: { tags, summary: 'The prep sheet of a chat', description: 'Who they are, your shared history (recent interactions, notes, events where you met, other chats) and the chat with its questions and notes.', params: IdParams, response: { 200: ChatPrep, ...errors } } },
    async (request) => chats.prep(request.actor, request.params.id),
  );
  app.get(
    '/chats/:id/invitation.ics',
    { schema: { tags, summary: 'The calendar invitation of a scheduled chat', description: 'text/calendar (METHOD:REQUEST): you organize, the contact attends. 409 when the chat has no time.', params: IdParams, produces: ['text/calendar'], response: { 200: z.string().describe('text/calendar'), 409: Problem, ...errors } } },
    async (request, reply) => {
      const ics = await chats.invitation(request.actor, request.params.id);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="chat.ics"')
        .serializer((payload: unknown) => payload as string)
        .send(ics);
    },
  );

  app.get('/chat-questions', { schema: { tags, summary: 'Your question bank', description: 'Grouped by purpose (career_path, company, role, industry), in order. A new account starts with sensible defaults.', response: { 200: z.object({ items: z.array(ChatQuestion) }), ...errors } } }, async (request) =>
    chats.questions(request.actor),
  );
  app.post('/chat-questions', { schema: { tags, summary: 'Add a question to your bank', body: ChatQuestionCreate, response: { 201: ChatQuestion, 409: Problem, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await chats.addQuestion(request.actor, request.body)),
  );
  app.patch('/chat-questions/:id', { schema: { tags, summary: 'Change a question', params: IdParams, body: ChatQuestionUpdate, response: { 200: ChatQuestion, 409: Problem, ...errors } } }, async (request) =>
    chats.updateQuestion(request.actor, request.params.id, request.body),
  );
  app.delete('/chat-questions/:id', { schema: { tags, summary: 'Remove a question from your bank', params: IdParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await chats.removeQuestion(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
};
