import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '../../../contracts/common';
import { SearchQuery, SearchResult } from '../../../contracts/search';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search contacts and interactions',
        description: 'Matches names, organizations, emails, tags, notes and interaction summaries; words match as prefixes and tolerate typos ("jonh" finds John). Contacts come first, each list best match first.',
        querystring: SearchQuery,
        response: { 200: SearchResult, 400: Problem, 401: Problem },
      },
    },
    async (request) => app.services.search.search(request.actor, request.query),
  );
};
