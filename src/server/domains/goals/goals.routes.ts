import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Problem } from '../../../contracts/common';
import { Goal, GoalCreate, GoalList, GoalUpdate, Review, ReviewQuery } from '../../../contracts/goals';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['goals'];

export const goalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { goals } = app.services;

  app.get(
    '/goals',
    { schema: { tags, summary: 'Weekly goals with this week’s progress and streaks', description: 'Weeks start on Monday in your time zone.', response: { 200: GoalList, ...errors } } },
    async (request) => goals.list(request.actor),
  );
  app.post('/goals', { schema: { tags, summary: 'Set a weekly goal', description: 'One goal per metric; 409 if that metric already has one.', body: GoalCreate, response: { 201: Goal, 409: Problem, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await goals.create(request.actor, request.body)),
  );
  app.get('/goals/:id', { schema: { tags, summary: 'A weekly goal', params: IdParams, response: { 200: Goal, ...errors } } }, async (request) => goals.get(request.actor, request.params.id));
  app.patch('/goals/:id', { schema: { tags, summary: 'Change a goal’s weekly target', params: IdParams, body: GoalUpdate, response: { 200: Goal, ...errors } } }, async (request) =>
    goals.update(request.actor, request.params.id, request.body),
  );
  app.delete('/goals/:id', { schema: { tags, summary: 'Delete a weekly goal', params: IdParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await goals.remove(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
  app.get(
    '/review',
    {
      schema: {
        tags,
        summary: 'The weekly review',
        description: 'Last week (Monday to Sunday in your time zone): interactions, new contacts, kudos, favors, follow-ups done, goals met; and the seven days from today: follow-ups, birthdays, milestones.',
        querystring: ReviewQuery,
        response: { 200: Review, ...errors },
      },
    },
    async (request) => goals.review(request.actor, request.query),
  );
};
