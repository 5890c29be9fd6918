import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../../contracts/common';
import { CalendarFeed, CalendarFeedParams, CreatedCalendarFeed } from '../../../contracts/calendar-feed';

const errors = { 401: Problem, 404: Problem };
const tags = ['calendar feed'];

/** Managing the secret feed URL: signed in, under /api/v1. */
export const calendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  const { calendarFeed } = app.services;
  app.get('/calendar-feed', { schema: { tags, summary: 'Whether your calendar feed URL is active', response: { 200: CalendarFeed, ...errors } } }, async (request) =>
    calendarFeed.status(request.actor),
  );
  app.post(
    '/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Create or rotate your calendar feed URL',
        description: 'Answers the secret URL once. Creating a new one revokes the previous URL.',
        response: { 201: CreatedCalendarFeed, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await calendarFeed.create(request.actor)),
  );
  app.delete('/calendar-feed', { schema: { tags, summary: 'Revoke your calendar feed URL', response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await calendarFeed.revoke(request.actor);
    return reply.code(204).send(null);
  });
};

/**
 * The feed itself: public, the secret token in the path is the credential (calendar apps cannot send
 * headers). Unknown and revoked tokens answer 404.
 */
export const calendarFeedPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { calendarFeed } = app.services;
  app.get(
    '/api/calendar/:token',
    {
      schema: {
        tags,
        summary: 'The calendar feed (iCalendar)',
        description: 'Follow-ups, milestones and birthdays, and snoozes as all-day events. Subscribe to the URL from POST /api/v1/calendar-feed.',
        security: [],
        params: CalendarFeedParams,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('text/calendar'), 404: Problem },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const chunks = await calendarFeed.render(request.params.token);
      // A stream, not the string the schema documents: the untyped reply takes it.
      return (reply as FastifyReply)
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', 'inline; filename="rapport.ics"')
        .type('text/calendar; charset=utf-8')
        .send(Readable.from(chunks));
    },
  );
};
