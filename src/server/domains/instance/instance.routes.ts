import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import { Problem } from '../../../contracts/common';
import { Instance } from '../../../contracts/instance';
import { instanceService } from './instance.service';

export const instanceRoutes: FastifyPluginAsyncZod<{ location: Config['database'] }> = async (app, { location }) => {
  const instance = instanceService({ dialect: app.services.deps.database.dialect, location });

  app.get(
    '/instance',
    {
      schema: {
        tags: ['account'],
        summary: 'Where this server keeps its data',
        description: 'The database kind for everyone; for the admin also the SQLite file, or the PostgreSQL host, port and database name (never credentials).',
        response: { 200: Instance, 401: Problem },
      },
    },
    async (request) => instance.describe(request.actor),
  );
};
