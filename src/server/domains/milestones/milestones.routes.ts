import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Problem } from '../../../contracts/common';
import { Milestone, MilestoneCreate, MilestoneListQuery, MilestoneOccurrence, MilestoneUpdate, UpcomingQuery } from '../../../contracts/relationships';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['milestones'];

export const milestoneRoutes: FastifyPluginAsyncZod = async (app) => {
  const { milestones } = app.services;

  app.post('/milestones', { schema: { tags, summary: 'Add a milestone (birthday, work anniversary, new role, launch, publication, custom)', body: MilestoneCreate, response: { 201: Milestone, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await milestones.create(request.actor, request.body)),
  );
  app.get(
    '/milestones',
    { schema: { tags, summary: 'List milestones', description: 'In calendar order; nextOn is the next occurrence from today in your time zone.', querystring: MilestoneListQuery, response: { 200: z.object({ items: z.array(Milestone) }), ...errors } } },
    async (request) => milestones.list(request.actor, request.query),
  );
  app.get(
    '/milestones/upcoming',
    { schema: { tags, summary: 'Milestones and birthdays in the next days', description: "Includes contacts' birthdays (also --MM-DD ones); 29 February is celebrated on the 28th in other years.", querystring: UpcomingQuery, response: { 200: z.object({ items: z.array(MilestoneOccurrence) }), ...errors } } },
    async (request) => milestones.upcoming(request.actor, request.query.days),
  );
  app.get('/milestones/:id', { schema: { tags, summary: 'A milestone', params: IdParams, response: { 200: Milestone, ...errors } } }, async (request) => milestones.get(request.actor, request.params.id));
  app.patch('/milestones/:id', { schema: { tags, summary: 'Change a milestone', params: IdParams, body: MilestoneUpdate, response: { 200: Milestone, ...errors } } }, async (request) =>
    milestones.update(request.actor, request.params.id, request.body),
  );
  app.delete('/milestones/:id', { schema: { tags, summary: 'Delete a milestone', params: IdParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await milestones.remove(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
};
