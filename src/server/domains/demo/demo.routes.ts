import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '../../../contracts/common';
import { DemoLoad, DemoLoaded } from '../../../contracts/demo';
import { demoService } from './demo.service';

export const demoRoutes: FastifyPluginAsyncZod = async (app) => {
  const demo = demoService(app.services);

  app.post(
    '/demo',
    {
      schema: {
        tags: ['account'],
        summary: 'Load demo data into your account',
        description:
          'Fills your own, still empty account with realistic sample data (the same generator as `rapport demo`: same seed, same data, dated up to now). 409 when the account already has contacts. Takes a few seconds.',
        body: DemoLoad,
        response: { 201: DemoLoaded, 400: Problem, 401: Problem, 409: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await demo.load(request.actor, request.body)),
  );
};
