import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiToken, CreatedInvitation, CreatedToken, Invitation, InvitationCreate, Me, MeUpdate, TokenCreate } from '../../../contracts/account';
import { IdParams, Problem } from '../../../contracts/common';

const errors = { 400: Problem, 401: Problem, 404: Problem };

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { account } = app.services;

  app.get('/me', { schema: { tags: ['account'], summary: 'The signed-in account', response: { 200: Me, ...errors } } }, async (request) =>
    account.me(request.actor),
  );
  app.patch('/me', { schema: { tags: ['account'], summary: 'Change your name or time zone', body: MeUpdate, response: { 200: Me, ...errors } } }, async (request) =>
    account.updateMe(request.actor, request.body),
  );

  app.get('/tokens', { schema: { tags: ['account'], summary: 'Your API tokens (never the secrets)', response: { 200: z.object({ items: z.array(ApiToken) }), ...errors } } }, async (request) => ({
    items: await account.listTokens(request.actor),
  }));
  app.post(
    '/tokens',
    { schema: { tags: ['account'], summary: 'Create an API token', description: 'The token is in the response once; only its hash is stored.', body: TokenCreate, response: { 201: CreatedToken, ...errors } } },
    async (request, reply) => reply.code(201).send(await account.createToken(request.actor, request.body)),
  );
  app.delete('/tokens/:id', { schema: { tags: ['account'], summary: 'Revoke an API token', params: IdParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await account.revokeToken(request.actor, request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/invitations', { schema: { tags: ['account'], summary: 'Invitations (admin)', response: { 200: z.object({ items: z.array(Invitation) }), 403: Problem, ...errors } } }, async (request) => ({
    items: await account.listInvitations(request.actor),
  }));
  app.post(
    '/invitations',
    { schema: { tags: ['account'], summary: 'Invite someone to sign up (admin)', body: InvitationCreate, response: { 201: CreatedInvitation, 403: Problem, 409: Problem, ...errors } } },
    async (request, reply) => reply.code(201).send(await account.createInvitation(request.actor, request.body)),
  );
  app.delete('/invitations/:id', { schema: { tags: ['account'], summary: 'Withdraw an invitation (admin)', params: IdParams, response: { 204: z.null(), 403: Problem, ...errors } } }, async (request, reply) => {
    await account.revokeInvitation(request.actor, request.params.id);
    return reply.code(204).send(null);
  });
};
