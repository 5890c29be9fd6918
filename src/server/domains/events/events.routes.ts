import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, page, Problem } from '../../../contracts/common';
import { Event, EventCreate, EventImport, EventListQuery, EventPeopleAdd, EventPeopleRemove, EventPerson, EventUpdate } from '../../../contracts/events';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['events'];
const People = z.object({ items: z.array(EventPerson) });

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const { events } = app.services;

  app.post('/events', { schema: { tags, summary: 'Add an event', body: EventCreate, response: { 201: Event, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await events.create(request.actor, request.body)),
  );
  app.post(
    '/events/import-ics',
    { schema: { tags, summary: 'Add an event from an .ics invitation', description: 'Send the text of the .ics file as `ics`; its first VEVENT becomes the event.', body: EventImport, response: { 201: Event, ...errors } } },
    async (request, reply) => reply.code(201).send(await events.importIcs(request.actor, request.body)),
  );
  app.get(
    '/events',
    { schema: { tags, summary: 'List events', description: 'Most recent first, each with its follow-up progress. Pass nextCursor back as cursor.', querystring: EventListQuery, response: { 200: page(Event), ...errors } } },
    async (request) => events.list(request.actor, request.query),
  );
  app.get('/events/:id', { schema: { tags, summary: 'An event with its follow-up progress', params: IdParams, response: { 200: Event, ...errors } } }, async (request) =>
    events.get(request.actor, request.params.id),
  );
  app.patch('/events/:id', { schema: { tags, summary: 'Change an event', params: IdParams, body: EventUpdate, response: { 200: Event, ...errors } } }, async (request) =>
    events.update(request.actor, request.params.id, request.body),
  );
  app.delete(
    '/events/:id',
    { schema: { tags, summary: 'Delete an event', description: 'The people met stay in your contacts, with their follow-ups.', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await events.remove(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get('/events/:id/people', { schema: { tags, summary: 'The people met at an event', params: IdParams, response: { 200: People, ...errors } } }, async (request) =>
    events.people(request.actor, request.params.id),
  );
  app.post(
    '/events/:id/people',
    {
      schema: {
        tags,
        summary: 'Add people met at an event',
        description:
          'Each person is an existing contact (`contactId`) or a new one (`name`, optional `email`), with a line of context. Everyone newly added gets a follow-up due in `followUpInDays` days (default 3); the answer carries a suggested first message for each.',
        params: IdParams,
        body: EventPeopleAdd,
        response: { 201: People, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await events.addPeople(request.actor, request.params.id, request.body)),
  );
  app.delete(
    '/events/:id/people',
    { schema: { tags, summary: 'Take people off an event’s list', description: 'The contacts and their follow-ups stay.', params: IdParams, body: EventPeopleRemove, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await events.removePeople(request.actor, request.params.id, request.body.contactIds);
      return reply.code(204).send(null);
    },
  );
};
