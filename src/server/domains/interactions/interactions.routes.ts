import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, page, Problem } from '../../../contracts/common';
import { Interaction, InteractionCreate, InteractionUpdate, TimelineQuery } from '../../../contracts/interactions';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['interactions'];

export const interactionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { interactions } = app.services;

  app.post(
    '/interactions',
    {
      schema: {
        tags,
        summary: 'Log an interaction',
        description: 'With one or more contacts. Updates their last interaction and next keep-in-touch date in the same transaction.',
        body: InteractionCreate,
        response: { 201: Interaction, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await interactions.create(request.actor, request.body)),
  );
  app.get('/interactions/:id', { schema: { tags, summary: 'An interaction', params: IdParams, response: { 200: Interaction, ...errors } } }, async (request) =>
    interactions.get(request.actor, request.params.id),
  );
  app.patch(
    '/interactions/:id',
    { schema: { tags, summary: 'Change an interaction', description: 'Only the fields sent change; contactIds replaces the participants.', params: IdParams, body: InteractionUpdate, response: { 200: Interaction, ...errors } } },
    async (request) => interactions.update(request.actor, request.params.id, request.body),
  );
  app.delete('/interactions/:id', { schema: { tags, summary: 'Delete an interaction', params: IdParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await interactions.remove(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
  app.get(
    '/contacts/:id/interactions',
    { schema: { tags, summary: "A contact's timeline", description: 'Newest first; pass nextCursor back as cursor.', params: IdParams, querystring: TimelineQuery, response: { 200: page(Interaction), ...errors } } },
    async (request) => interactions.listForContact(request.actor, request.params.id, request.query),
  );
};
