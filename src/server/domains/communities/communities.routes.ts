import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Problem } from '../../../contracts/common';
import { Community, CommunityCreate, CommunityMember, CommunityMembersAdd, CommunityMembersRemove, CommunityUpdate, Contribution, ContributionCreate } from '../../../contracts/communities';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['communities'];
const noContent = { 204: z.null(), ...errors };

export const communityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { communities } = app.services;
  app.post('/communities', { schema: { tags, summary: 'Add an online community', body: CommunityCreate, response: { 201: Community, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await communities.create(request.actor, request.body)),
  );
  app.get('/communities', { schema: { tags, summary: 'Your communities with this week’s contributions and 12 weeks of activity', response: { 200: z.object({ items: z.array(Community) }), ...errors } } }, async (request) =>
    communities.list(request.actor),
  );
  app.get('/communities/:id', { schema: { tags, summary: 'A community', params: IdParams, response: { 200: Community, ...errors } } }, async (request) => communities.get(request.actor, request.params.id));
  app.patch('/communities/:id', { schema: { tags, summary: 'Change a community (role, weekly goal, …)', params: IdParams, body: CommunityUpdate, response: { 200: Community, ...errors } } }, async (request) =>
    communities.update(request.actor, request.params.id, request.body),
  );
  app.delete('/communities/:id', { schema: { tags, summary: 'Delete a community with its contributions', params: IdParams, response: noContent } }, async (request, reply) => {
    await communities.remove(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
  app.get('/communities/:id/contributions', { schema: { tags, summary: 'Your contributions there, newest first', params: IdParams, response: { 200: z.object({ items: z.array(Contribution) }), ...errors } } }, async (request) =>
    communities.contributions(request.actor, request.params.id),
  );
  app.post(
    '/communities/:id/contributions',
    { schema: { tags, summary: 'Record a contribution', description: '`kind`: post, answer, talk or help (help given).', params: IdParams, body: ContributionCreate, response: { 201: Contribution, ...errors } } },
    async (request, reply) => reply.code(201).send(await communities.contribute(request.actor, request.params.id, request.body)),
  );
  app.delete('/community-contributions/:id', { schema: { tags, summary: 'Delete a contribution', params: IdParams, response: noContent } }, async (request, reply) => {
    await communities.removeContribution(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
  app.get('/communities/:id/members', { schema: { tags, summary: 'The members you know there', params: IdParams, response: { 200: z.object({ items: z.array(CommunityMember) }), ...errors } } }, async (request) =>
    communities.members(request.actor, request.params.id),
  );
  app.post('/communities/:id/members', { schema: { tags, summary: 'Link contacts as members you know there', params: IdParams, body: CommunityMembersAdd, response: { 201: z.object({ items: z.array(CommunityMember) }), ...errors } } }, async (request, reply) =>
    reply.code(201).send(await communities.addMembers(request.actor, request.params.id, request.body)),
  );
  app.delete('/communities/:id/members', { schema: { tags, summary: 'Unlink members', params: IdParams, body: CommunityMembersRemove, response: noContent } }, async (request, reply) => {
    await communities.removeMembers(request.actor, request.params.id, request.body.contactIds);
    return reply.code(204).send(null);
  });
};
