import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, page, Problem } from '../../../contracts/common';
import { FollowUp, FollowUpCreate, FollowUpListQuery, FollowUpUpdate } from '../../../contracts/follow-ups';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['follow-ups'];

export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  const { followUps } = app.services;

  app.post('/follow-ups', { schema: { tags, summary: 'Add a follow-up', body: FollowUpCreate, response: { 201: FollowUp, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await followUps.create(request.actor, request.body)),
  );
  app.get(
    '/follow-ups',
    {
      schema: {
        tags,
        summary: 'List follow-ups',
        description: 'status=due lists open follow-ups due today or earlier in your time zone (snoozed ones once the snooze ends), oldest first. Pass nextCursor back as cursor.',
        querystring: FollowUpListQuery,
        response: { 200: page(FollowUp), ...errors },
      },
    },
    async (request) => followUps.list(request.actor, request.query),
  );
  app.get('/follow-ups/:id', { schema: { tags, summary: 'A follow-up', params: IdParams, response: { 200: FollowUp, ...errors } } }, async (request) =>
    followUps.get(request.actor, request.params.id),
  );
  app.patch(
    '/follow-ups/:id',
    { schema: { tags, summary: 'Change, complete or snooze a follow-up', description: '{"done": true} completes it; {"snoozedUntil": "YYYY-MM-DD"} hides it until then.', params: IdParams, body: FollowUpUpdate, response: { 200: FollowUp, ...errors } } },
    async (request) => followUps.update(request.actor, request.params.id, request.body),
  );
  app.delete('/follow-ups/:id', { schema: { tags, summary: 'Delete a follow-up', params: IdParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await followUps.remove(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
};
