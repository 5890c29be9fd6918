import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '../../../contracts/common';
import { Insights, InsightsQuery } from '../../../contracts/insights';

export const insightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { insights } = app.services;
  app.get(
    '/insights',
    {
      schema: {
        tags: ['insights'],
        summary: 'Charts of your network',
        description: 'Interactions per week by kind (weeks from Monday in your time zone), strength distribution by circle, the strongest fading ties with the reason, and goal streaks.',
        querystring: InsightsQuery,
        response: { 200: Insights, 400: Problem, 401: Problem },
      },
    },
    async (request) => insights.get(request.actor, request.query),
  );
};
