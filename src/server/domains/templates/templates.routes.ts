import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Problem } from '../../../contracts/common';
import { Template, TemplateCreate, TemplatePreview, TemplatePreviewRequest, TemplateUpdate } from '../../../contracts/relationships';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['templates'];

export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { templates } = app.services;

  app.get('/templates', { schema: { tags, summary: 'Message templates: the shipped ones (builtIn) and yours', response: { 200: z.object({ items: z.array(Template) }), ...errors } } }, async (request) =>
    templates.list(request.actor),
  );
  app.post('/templates', { schema: { tags, summary: 'Add a message template', body: TemplateCreate, response: { 201: Template, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await templates.create(request.actor, request.body)),
  );
  app.post(
    '/templates/preview',
    {
      schema: {
        tags,
        summary: 'Render a template for a contact',
        description: 'Fills {{firstName}}, {{lastTopic}} (the last interaction’s summary), {{daysSince}} (days since it) and {{eventName}}.',
        body: TemplatePreviewRequest,
        response: { 200: TemplatePreview, ...errors },
      },
    },
    async (request) => templates.preview(request.actor, request.body),
  );
  app.get('/templates/:id', { schema: { tags, summary: 'A message template of yours', params: IdParams, response: { 200: Template, ...errors } } }, async (request) =>
    templates.get(request.actor, request.params.id),
  );
  app.patch('/templates/:id', { schema: { tags, summary: 'Change a message template', params: IdParams, body: TemplateUpdate, response: { 200: Template, ...errors } } }, async (request) =>
    templates.update(request.actor, request.params.id, request.body),
  );
  app.delete('/templates/:id', { schema: { tags, summary: 'Delete a message template', params: IdParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await templates.remove(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
};
