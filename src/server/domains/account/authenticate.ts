import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Actor } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { toActor } from './account.service';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export function webHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === 'content-length') continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  return headers;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from our own pages: the Origin (or Sec-Fetch-Site) header
 * must say so. Bearer-token requests are not exposed to CSRF (browsers never add the header).
 */
function assertSameOrigin(request: FastifyRequest, config: Pick<Config, 'baseUrl'>): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  const allowed = new Set([new URL(config.baseUrl).origin, `${request.protocol}://${request.headers.host}`]);
  if (origin ? allowed.has(origin) : request.headers['sec-fetch-site'] === 'same-origin') return;
  throw new AppError('forbidden', 'Cross-site request refused: send writes from the Rapport app, or use an API token');
}

/** onRequest hook for /api/v1: a bearer token or a session cookie, else 401. */
export function authenticate(config: Pick<Config, 'baseUrl'>) {
  return async function authenticateRequest(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const { services } = request.server;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>"');
      request.actor = await services.account.authenticateToken(match[1]!);
      return;
    }
    if (request.headers.cookie) {
      const session = await (await services.auth()).api.getSession({ headers: webHeaders(request) });
      if (session) {
        assertSameOrigin(request, config);
        const user = session.user as typeof session.user & { role?: string; timezone?: string };
        request.actor = toActor(
          { id: user.id, email: user.email, name: user.name, role: user.role ?? 'member', timezone: user.timezone ?? 'UTC', createdAt: new Date(user.createdAt).toISOString() },
          'session',
        );
        return;
      }
    }
    throw new AppError('unauthenticated', 'Sign in, or send an API token as "Authorization: Bearer <token>"');
  };
}
