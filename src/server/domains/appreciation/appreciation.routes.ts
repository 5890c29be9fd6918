import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, page, Problem } from '../../../contracts/common';
import { Appreciation, AppreciationCreate, AppreciationListQuery, AppreciationUpdate, ContactLedger, Ledger, LedgerQuery } from '../../../contracts/appreciation';

const errors = { 400: Problem, 401: Problem, 404: Problem };

export const appreciationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { appreciation } = app.services;

  for (const [path, kind, tags, word] of [
    ['/kudos', 'kudos', ['kudos'], 'kudos'],
    ['/favors', 'favors', ['favors'], 'favor'],
  ] as const) {
    const service = appreciation[kind];
    app.post(path, { schema: { tags, summary: `Record ${word === 'kudos' ? 'kudos' : 'a favor'} given or received`, description: 'occurredOn defaults to today in your time zone.', body: AppreciationCreate, response: { 201: Appreciation, ...errors } } }, async (request, reply) =>
      reply.code(201).send(await service.create(request.actor, request.body)),
    );
    app.get(path, { schema: { tags, summary: `List ${word === 'kudos' ? 'kudos' : 'favors'}, newest first`, querystring: AppreciationListQuery, response: { 200: page(Appreciation), ...errors } } }, async (request) =>
      service.list(request.actor, request.query),
    );
    app.get(`${path}/:id`, { schema: { tags, summary: `One ${word}`, params: IdParams, response: { 200: Appreciation, ...errors } } }, async (request) => service.get(request.actor, request.params.id));
    app.patch(`${path}/:id`, { schema: { tags, summary: `Change ${word === 'kudos' ? 'kudos' : 'a favor'}`, params: IdParams, body: AppreciationUpdate, response: { 200: Appreciation, ...errors } } }, async (request) =>
      service.update(request.actor, request.params.id, request.body),
    );
    app.delete(`${path}/:id`, { schema: { tags, summary: `Delete ${word === 'kudos' ? 'kudos' : 'a favor'}`, params: IdParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
      await service.remove(request.actor, request.params.id);
      return reply.code(204).send(null);
    });
  }

  app.get(
    '/ledger',
    {
      schema: {
        tags: ['ledger'],
        summary: 'The reciprocity ledger',
        description: 'Kudos and favors given and received, per contact and in total; `owed` names up to five people you have received more from than you gave.',
        querystring: LedgerQuery,
        response: { 200: Ledger, ...errors },
      },
    },
    async (request) => appreciation.ledger(request.actor, request.query),
  );
  app.get('/contacts/:id/ledger', { schema: { tags: ['ledger'], summary: "A contact's ledger line and recent kudos and favors", params: IdParams, response: { 200: ContactLedger, ...errors } } }, async (request) =>
    appreciation.contactLedger(request.actor, request.params.id),
  );
};
