import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../../contracts/common';
import { RelationshipSettings, RelationshipSettingsUpdate } from '../../../contracts/relationships';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['relationships'];

export const relationshipRoutes: FastifyPluginAsyncZod = async (app) => {
  const { relationships } = app.services;

  app.get(
    '/relationship-settings',
    { schema: { tags, summary: 'Circles, their keep-in-touch cadences, the daily budget and the strength half-life', response: { 200: RelationshipSettings, ...errors } } },
    async (request) => relationships.settings(request.actor),
  );
  app.patch(
    '/relationship-settings',
    {
      schema: {
        tags,
        summary: 'Change circle cadences, the daily budget or the recency half-life',
        description: "A circle's new cadence moves the next due date of its contacts that have no cadence of their own.",
        body: RelationshipSettingsUpdate,
        response: { 200: RelationshipSettings, ...errors },
      },
    },
    async (request) => relationships.updateSettings(request.actor, request.body),
  );
  app.post(
    '/relationship-settings/recompute',
    {
      schema: {
        tags,
        summary: 'Recompute strength aggregates and due dates of all your contacts from their interactions',
        description: 'They are kept current on every write; this is for after a bulk import or to check them.',
        response: { 200: z.object({ contacts: z.number().int(), changed: z.number().int().describe('Contacts whose stored values were out of date') }), ...errors },
      },
    },
    async (request) => relationships.recomputeAll(request.actor),
  );
};
