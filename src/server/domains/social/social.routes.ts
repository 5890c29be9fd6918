import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Problem } from '../../../contracts/common';
import { ContentPost, ContentPostCreate, ContentPostListQuery, ContentPostUpdate, Engagement, EngagementCreate, EngagementListQuery } from '../../../contracts/social';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['social'];
const noContent = { 204: z.null(), ...errors };

export const socialRoutes: FastifyPluginAsyncZod = async (app) => {
  const { social } = app.services;
  app.post(
    '/engagements',
    { schema: { tags, summary: 'Log an engagement', description: 'commented, shared, reacted, messaged or endorsed on social media: also an interaction of kind social, which counts for the strength score with a low weight.', body: EngagementCreate, response: { 201: Engagement, ...errors } } },
    async (request, reply) => reply.code(201).send(await social.engage(request.actor, request.body)),
  );
  app.get('/engagements', { schema: { tags, summary: 'The engagement log, newest first', querystring: EngagementListQuery, response: { 200: z.object({ items: z.array(Engagement) }), ...errors } } }, async (request) =>
    social.engagements(request.actor, request.query),
  );
  app.delete('/engagements/:id', { schema: { tags, summary: 'Delete an engagement (and its interaction)', params: IdParams, response: noContent } }, async (request, reply) => {
    await social.removeEngagement(request.actor, request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/content-posts', { schema: { tags, summary: 'Add a post to your content plan', body: ContentPostCreate, response: { 201: ContentPost, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await social.createPost(request.actor, request.body)),
  );
  app.get(
    '/content-posts',
    { schema: { tags, summary: 'Your content plan', description: 'idea → draft → scheduled → published. from and to (YYYY-MM-DD) select what is planned or published in a period: the calendar.', querystring: ContentPostListQuery, response: { 200: z.object({ items: z.array(ContentPost) }), ...errors } } },
    async (request) => social.listPosts(request.actor, request.query),
  );
  app.get('/content-posts/:id', { schema: { tags, summary: 'A planned post', params: IdParams, response: { 200: ContentPost, ...errors } } }, async (request) => social.getPost(request.actor, request.params.id));
  app.patch('/content-posts/:id', { schema: { tags, summary: 'Change or move a planned post', params: IdParams, body: ContentPostUpdate, response: { 200: ContentPost, ...errors } } }, async (request) =>
    social.updatePost(request.actor, request.params.id, request.body),
  );
  app.delete('/content-posts/:id', { schema: { tags, summary: 'Delete a planned post', params: IdParams, response: noContent } }, async (request, reply) => {
    await social.removePost(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
};
