import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, page, Problem } from '../../../contracts/common';
import { Tag, TagContacts, TagCreate, TagListQuery, TagUpdate } from '../../../contracts/tags';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['tags'];

export const tagRoutes: FastifyPluginAsyncZod = async (app) => {
  const { tags: service } = app.services;

  app.post('/tags', { schema: { tags, summary: 'Add a tag', description: 'Names are unique per account, ignoring case (409 otherwise).', body: TagCreate, response: { 201: Tag, 409: Problem, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await service.create(request.actor, request.body)),
  );
  app.get('/tags', { schema: { tags, summary: 'List tags', description: 'By name, with how many contacts carry each.', querystring: TagListQuery, response: { 200: page(Tag), ...errors } } }, async (request) =>
    service.list(request.actor, request.query),
  );
  app.get('/tags/:id', { schema: { tags, summary: 'A tag', params: IdParams, response: { 200: Tag, ...errors } } }, async (request) => service.get(request.actor, request.params.id));
  app.patch('/tags/:id', { schema: { tags, summary: 'Rename or recolour a tag', params: IdParams, body: TagUpdate, response: { 200: Tag, 409: Problem, ...errors } } }, async (request) =>
    service.update(request.actor, request.params.id, request.body),
  );
  app.delete('/tags/:id', { schema: { tags, summary: 'Delete a tag', description: 'Removes it from every contact; the contacts stay.', params: IdParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await service.remove(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
  app.post(
    '/tags/:id/contacts',
    { schema: { tags, summary: 'Tag many contacts', description: 'Bulk: adds the tag to every listed contact (already tagged ones are left as they are).', params: IdParams, body: TagContacts, response: { 200: Tag, ...errors } } },
    async (request) => service.tagContacts(request.actor, request.params.id, request.body),
  );
  app.delete(
    '/tags/:id/contacts',
    { schema: { tags, summary: 'Untag many contacts', description: 'Bulk: removes the tag from every listed contact.', params: IdParams, body: TagContacts, response: { 200: Tag, ...errors } } },
    async (request) => service.untagContacts(request.actor, request.params.id, request.body),
  );
};
