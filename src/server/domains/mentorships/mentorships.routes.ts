import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, page, Problem } from '../../../contracts/common';
import {
  MentorCandidate,
  MentorCandidatesQuery,
  Mentorship,
  MentorshipAction,
  MentorshipActionCreate,
  MentorshipActionUpdate,
  MentorshipCreate,
  MentorshipGoal,
  MentorshipGoalCreate,
  MentorshipGoalUpdate,
  MentorshipListQuery,
  MentorshipSession,
  MentorshipSessionCreate,
  MentorshipUpdate,
} from '../../../contracts/mentorships';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['mentorships'];

export const mentorshipRoutes: FastifyPluginAsyncZod = async (app) => {
  const { mentorships } = app.services;
  const noContent = { 204: z.null(), ...errors };

  app.post(
    '/mentorships',
    { schema: { tags, summary: 'Start a mentorship', description: '`role` is yours: mentor or mentee. With `cadenceDays`, the next session is a follow-up due that many days on.', body: MentorshipCreate, response: { 201: Mentorship, ...errors } } },
    async (request, reply) => reply.code(201).send(await mentorships.create(request.actor, request.body)),
  );
  app.get('/mentorships', { schema: { tags, summary: 'Your mentorships', querystring: MentorshipListQuery, response: { 200: page(Mentorship), ...errors } } }, async (request) => mentorships.list(request.actor, request.query));
  app.get(
    '/mentorships/candidates',
    { schema: { tags, summary: 'Find a mentor', description: 'Your contacts with an expertise tag, strongest relationship first, each with a request message to adapt.', querystring: MentorCandidatesQuery, response: { 200: z.object({ items: z.array(MentorCandidate) }), ...errors } } },
    async (request) => mentorships.candidates(request.actor, request.query),
  );
  app.get('/mentorships/:id', { schema: { tags, summary: 'A mentorship with its goals and action items', params: IdParams, response: { 200: Mentorship, ...errors } } }, async (request) =>
    mentorships.get(request.actor, request.params.id),
  );
  app.patch(
    '/mentorships/:id',
    { schema: { tags, summary: 'Change a mentorship', description: 'Pausing or ending it closes the next-session follow-up; a new cadence moves it.', params: IdParams, body: MentorshipUpdate, response: { 200: Mentorship, ...errors } } },
    async (request) => mentorships.update(request.actor, request.params.id, request.body),
  );
  app.delete('/mentorships/:id', { schema: { tags, summary: 'Delete a mentorship', description: 'Its sessions stay on the contact’s timeline.', params: IdParams, response: noContent } }, async (request, reply) => {
    await mentorships.remove(request.actor, request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/mentorships/:id/sessions', { schema: { tags, summary: 'Sessions (interactions of kind mentorship_session)', params: IdParams, response: { 200: z.object({ items: z.array(MentorshipSession) }), ...errors } } }, async (request) =>
    mentorships.sessions(request.actor, request.params.id),
  );
  app.post(
    '/mentorships/:id/sessions',
    { schema: { tags, summary: 'Log a session', description: 'An interaction with the contact; the next-session follow-up moves to the cadence after it.', params: IdParams, body: MentorshipSessionCreate, response: { 201: MentorshipSession, ...errors } } },
    async (request, reply) => reply.code(201).send(await mentorships.logSession(request.actor, request.params.id, request.body)),
  );

  app.post('/mentorships/:id/goals', { schema: { tags, summary: 'Add a goal', params: IdParams, body: MentorshipGoalCreate, response: { 201: MentorshipGoal, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await mentorships.addGoal(request.actor, request.params.id, request.body)),
  );
  app.patch('/mentorship-goals/:id', { schema: { tags, summary: 'Change a goal or its status', params: IdParams, body: MentorshipGoalUpdate, response: { 200: MentorshipGoal, ...errors } } }, async (request) =>
    mentorships.updateGoal(request.actor, request.params.id, request.body),
  );
  app.delete('/mentorship-goals/:id', { schema: { tags, summary: 'Delete a goal', params: IdParams, response: noContent } }, async (request, reply) => {
    await mentorships.removeGoal(request.actor, request.params.id);
    return reply.code(204).send(null);
  });

  app.post(
    '/mentorships/:id/actions',
    { schema: { tags, summary: 'Add an action item', description: 'A follow-up due on `dueOn`: it appears on the Today agenda.', params: IdParams, body: MentorshipActionCreate, response: { 201: MentorshipAction, ...errors } } },
    async (request, reply) => reply.code(201).send(await mentorships.addAction(request.actor, request.params.id, request.body)),
  );
  app.patch('/mentorship-actions/:id', { schema: { tags, summary: 'Change or complete an action item', params: IdParams, body: MentorshipActionUpdate, response: { 200: MentorshipAction, ...errors } } }, async (request) =>
    mentorships.updateAction(request.actor, request.params.id, request.body),
  );
  app.delete('/mentorship-actions/:id', { schema: { tags, summary: 'Delete an action item', params: IdParams, response: noContent } }, async (request, reply) => {
    await mentorships.removeAction(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
};
