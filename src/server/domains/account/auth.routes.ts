import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../../contracts/common';
import { Me } from '../../../contracts/account';
import { AUTH_BASE_PATH, MIN_PASSWORD_LENGTH } from '../../platform/auth';
import { webHeaders } from './authenticate';

const SignUp = z.strictObject({
  email: z.string().trim().email('must be an email address').max(254),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(256),
  name: z.string().trim().min(1).max(200).optional(),
  timezone: z.string().max(64).optional(),
  inviteToken: z.string().max(200).optional().describe('Required once the first account exists, unless sign-up is open'),
});
const SignIn = z.strictObject({
  email: z.string().trim().email('must be an email address'),
  password: z.string().min(1, 'must not be empty').max(256),
  rememberMe: z.boolean().optional(),
});
const SignedIn = z.object({ user: Me.partial().passthrough() }).passthrough();

const authLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

/** Hands a request to better-auth as a Fetch Request and copies its Response back. */
async function forward(request: FastifyRequest, reply: FastifyReply, body?: unknown) {
  const { services } = request.server;
  const url = new URL(request.url, `${request.protocol}://${request.headers.host ?? 'localhost'}`);
  const headers = webHeaders(request);
  const init: RequestInit = { method: request.method, headers };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    headers.set('content-type', 'application/json');
    init.body = JSON.stringify(body ?? request.body ?? {});
  }
  const response = await (await services.auth()).handler(new Request(url, init));
  reply.code(response.status);
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) reply.header('set-cookie', cookies);
  const text = await response.text();
  if (response.status >= 400) {
    const parsed = text ? (JSON.parse(text) as { message?: string; code?: string }) : {};
    const status = response.status;
    return reply.type('application/problem+json').send({
      type: 'about:blank',
      title: status === 401 ? 'Authentication required' : status === 429 ? 'Too many requests' : 'Request refused',
      status,
      detail: parsed.message ?? 'The request was refused',
      code: status === 401 ? 'unauthenticated' : status === 429 ? 'rate_limited' : status === 403 ? 'forbidden' : 'validation',
    });
  }
  return reply.send(text ? JSON.parse(text) : null);
}

/** Sign-up, sign-in and sign-out (better-auth behind Rapport's own sign-up rules and rate limits). */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['auth'];
  const publicRoute = { security: [] as never[] };

  app.post(
    `${AUTH_BASE_PATH}/sign-up/email`,
    {
      config: authLimit,
      schema: {
        tags,
        ...publicRoute,
        summary: 'Create an account',
        description: 'The first account becomes the admin. Later ones need RAPPORT_OPEN_SIGNUP=true or an invitation token. Sets the session cookie.',
        body: SignUp,
        response: { 200: SignedIn, 400: Problem, 403: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const { inviteToken, ...body } = request.body;
      const { invitationId } = await app.services.account.checkSignUp(body.email, inviteToken);
      const result = await forward(request, reply, { ...body, name: body.name ?? body.email.split('@')[0] });
      if (invitationId && reply.statusCode === 200) await app.services.account.consumeInvitation(invitationId);
      return result;
    },
  );

  app.post(
    `${AUTH_BASE_PATH}/sign-in/email`,
    {
      config: authLimit,
      schema: { tags, ...publicRoute, summary: 'Sign in with email and password', description: 'Sets the session cookie (HttpOnly, SameSite=Lax).', body: SignIn, response: { 200: SignedIn, 400: Problem, 401: Problem, 429: Problem } },
    },
    async (request, reply) => forward(request, reply),
  );

  app.post(
    `${AUTH_BASE_PATH}/sign-out`,
    { schema: { tags, ...publicRoute, summary: 'Sign out (ends the session)' } },
    async (request, reply) => forward(request, reply, {}),
  );

  // The rest of better-auth's endpoints (get-session, change-password, ...), undocumented here.
  app.route({
    method: ['GET', 'POST'],
    url: `${AUTH_BASE_PATH}/*`,
    config: authLimit,
    schema: { hide: true },
    handler: async (request, reply) => forward(request, reply),
  });
};
