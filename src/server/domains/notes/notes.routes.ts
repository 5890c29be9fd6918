import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, page, Problem } from '../../../contracts/common';
import { Note, NoteCreate, NoteListQuery, NoteUpdate } from '../../../contracts/notes';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['notes'];

export const noteRoutes: FastifyPluginAsyncZod = async (app) => {
  const { notes } = app.services;

  app.post('/contacts/:id/notes', { schema: { tags, summary: 'Add a note to a contact', description: 'Markdown; pinned notes come first.', params: IdParams, body: NoteCreate, response: { 201: Note, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await notes.create(request.actor, request.params.id, request.body)),
  );
  app.get(
    '/contacts/:id/notes',
    { schema: { tags, summary: "A contact's notes", description: 'Pinned first, then newest first; pass nextCursor back as cursor.', params: IdParams, querystring: NoteListQuery, response: { 200: page(Note), ...errors } } },
    async (request) => notes.list(request.actor, request.params.id, request.query),
  );
  app.get('/notes/:id', { schema: { tags, summary: 'A note', params: IdParams, response: { 200: Note, ...errors } } }, async (request) => notes.get(request.actor, request.params.id));
  app.patch('/notes/:id', { schema: { tags, summary: 'Change a note', params: IdParams, body: NoteUpdate, response: { 200: Note, ...errors } } }, async (request) =>
    notes.update(request.actor, request.params.id, request.body),
  );
  app.delete('/notes/:id', { schema: { tags, summary: 'Delete a note', params: IdParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await notes.remove(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
};
