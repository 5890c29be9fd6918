import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's security headers (CSP, HSTS, nosniff, ...) on every response, computed once.
 * @fastify/helmet builds the helmet middleware anew for each request (parsing the policy every
 * time): on a GET of one contact that cost about as much as the database work. The headers depend
 * only on the options, so helmet runs once against a recording response here and the hook copies
 * the result.
 */
export function addSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  // Into the reply's own headers, not res.setHeader: Node keeps headers set on the response in a
  // second map, and once there is one every header Fastify adds later goes through setHeader too.
  // A route that sets one of these itself (Swagger UI's CSP) still overrides it, as before.
  const names = [...headers.keys()];
  const values = [...headers.values()];
  app.addHook('onRequest', (_request, reply, done) => {
    for (let i = 0; i < names.length; i++) reply.header(names[i]!, values[i]);
    done();
  });
}
