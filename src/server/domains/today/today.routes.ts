import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../../contracts/common';
import { Today, TodayAction, TodayQuery } from '../../../contracts/relationships';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['today'];

export const todayRoutes: FastifyPluginAsyncZod = async (app) => {
  const { today } = app.services;

  app.get(
    '/today',
    {
      schema: {
        tags,
        summary: 'The Today agenda',
        description:
          'Overdue follow-ups, contacts due by cadence (most overdue relative to their cadence first, closer circles first), milestones in the next 7 days, dormant strong ties and people met recently awaiting a first follow-up; one item per contact, at most the daily budget. The day is yours: your time zone.',
        querystring: TodayQuery,
        response: { 200: Today, ...errors },
      },
    },
    async (request) => today.agenda(request.actor, request.query),
  );
  app.post(
    '/today/actions',
    {
      schema: {
        tags,
        summary: 'Mark an agenda item done, or snooze it',
        description:
          'follow_up: done completes it, snooze hides it until `until`. cadence, dormant, new_contact: snooze hides the contact until `until`; done hides it for one cadence (30 days without one). milestone: done dismisses this occurrence.',
        body: TodayAction,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await today.act(request.actor, request.body);
      return reply.code(204).send(null);
    },
  );
};
