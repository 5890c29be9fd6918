import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, page, Problem } from '../../../contracts/common';
import { Organization, OrganizationCreate, OrganizationListQuery, OrganizationUpdate } from '../../../contracts/organizations';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['organizations'];

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { organizations } = app.services;

  app.post('/organizations', { schema: { tags, summary: 'Add an organization', description: 'Names are unique per account, ignoring case (409 otherwise).', body: OrganizationCreate, response: { 201: Organization, 409: Problem, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await organizations.create(request.actor, request.body)),
  );
  app.get(
    '/organizations',
    { schema: { tags, summary: 'List organizations', description: 'By name; q keeps names starting with it. Pass nextCursor back as cursor. List its people with GET /contacts?organizationId=.', querystring: OrganizationListQuery, response: { 200: page(Organization), ...errors } } },
    async (request) => organizations.list(request.actor, request.query),
  );
  app.get('/organizations/:id', { schema: { tags, summary: 'An organization', params: IdParams, response: { 200: Organization, ...errors } } }, async (request) =>
    organizations.get(request.actor, request.params.id),
  );
  app.patch('/organizations/:id', { schema: { tags, summary: 'Change an organization', params: IdParams, body: OrganizationUpdate, response: { 200: Organization, 409: Problem, ...errors } } }, async (request) =>
    organizations.update(request.actor, request.params.id, request.body),
  );
  app.delete(
    '/organizations/:id',
    { schema: { tags, summary: 'Delete an organization', description: 'Its contacts are kept, without an organization.', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await organizations.remove(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
