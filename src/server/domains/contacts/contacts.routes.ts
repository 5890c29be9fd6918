import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, page, Problem } from '../../../contracts/common';
import { Contact, ContactCreate, ContactListQuery, ContactUpdate } from '../../../contracts/contacts';
import { trustedSerializerCompiler } from '../../platform/trusted-serializer';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['contacts'];

export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  const { contacts } = app.services;

  app.post('/contacts', { schema: { tags, summary: 'Add a contact', body: ContactCreate, response: { 201: Contact, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await contacts.create(request.actor, request.body)),
  );
  app.get(
    '/contacts',
    {
      schema: {
        tags,
        summary: 'List contacts',
        description: 'Cursor pagination: pass nextCursor back as cursor. Archived contacts are hidden unless archived=true. With q, results are ordered by relevance.',
        querystring: ContactListQuery,
        response: { 200: page(Contact), ...errors },
      },
    },
    async (request) => contacts.list(request.actor, request.query),
  );
  // The hottest read: its 200 body is the service's own DTO, trimmed to the contract, not re-validated;
  // on SQLite the service gives it as text already (contacts.read-one.ts). Fastify sends a string with a
  // JSON content type as it is (the type provider only knows the DTO, hence the cast), with the type it gives JSON.
  // The body is returned, not the reply: a returned reply is a thenable whose then() (answers leave a turn
  // later, response-batching.ts) attached end-of-stream listeners to the response on every request.
  app.get('/contacts/:id', { schema: { tags, summary: 'A contact', params: IdParams, response: { 200: Contact, ...errors } }, serializerCompiler: trustedSerializerCompiler }, async (request, reply) => {
    const body = await contacts.getBody(request.actor, request.params.id);
    if (typeof body === 'string') reply.type('application/json; charset=utf-8');
    return body as never;
  });
  app.patch(
    '/contacts/:id',
    { schema: { tags, summary: 'Change a contact', description: 'Only the fields sent change; null clears a field; tags and lists replace the whole list.', params: IdParams, body: ContactUpdate, response: { 200: Contact, ...errors } } },
    async (request) => contacts.update(request.actor, request.params.id, request.body),
  );
  app.delete(
    '/contacts/:id',
    { schema: { tags, summary: 'Delete a contact', description: 'Also deletes its notes, follow-ups and the interactions in which it was the only participant.', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await contacts.remove(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
