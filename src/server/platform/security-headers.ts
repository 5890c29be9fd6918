import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** Paths that answer JSON to programs (the REST API and the auth endpoints), not documents to a browser. */
export function isApiPath(url: string): boolean {
  return url.startsWith('/api/v1/') || url.startsWith('/api/auth/');
}

/**
 * The OWASP REST Security Cheat Sheet's headers for API responses: never cache them (they carry a
 * user's data), never frame them, never sniff them. helmet's other headers (a document CSP, COOP,
 * CORP, Origin-Agent-Cluster, DNS prefetch, download and referrer policies, ...) govern pages a
 * browser renders; on JSON they were twelve headers of work per request for nothing.
 */
export function apiHeaders(hsts: string | undefined): Map<string, string> {
  const headers = new Map([
    ['cache-control', 'no-store'],
    ['content-security-policy', "frame-ancestors 'none'"],
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
  ]);
  if (hsts !== undefined) headers.set('strict-transport-security', hsts);
  return headers;
}

/** What helmet sets with these options, run once against a recording response. */
export function helmetHeaders(options: HelmetOptions): Map<string, string> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * Security headers and the request id on every response, from one onRequest hook: the API set
 * (apiHeaders) on /api/v1 and /api/auth, helmet's set everywhere else (the web app, the API docs, the
 * landing page, the public booking and calendar feed URLs). Both are computed once: @fastify/helmet
 * built the helmet middleware anew for each request (parsing the policy every time), which on a GET
 * of one contact cost about as much as the database work.
 * Set when the request arrives, so error answers carry them too. A route that sets one of them itself
 * (Swagger UI's CSP, the exports' and calendar feed's cache-control) still overrides it.
 */
export function addSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const page = helmetHeaders(options);
  const api = apiHeaders(page.get('strict-transport-security'));
  const pageNames = [...page.keys()];
  const pageValues = [...page.values()];
  const apiNames = [...api.keys()];
  const apiValues = [...api.values()];
  // Into the reply's own headers, not res.setHeader: Node keeps headers set on the response in a
  // second map, and once there is one every header Fastify adds later goes through setHeader too.
  // Callback style: an async hook costs a promise and a microtask per request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    const onApi = isApiPath(request.url);
    const names = onApi ? apiNames : pageNames;
    const values = onApi ? apiValues : pageValues;
    for (let i = 0; i < names.length; i++) reply.header(names[i]!, values[i]);
    done();
  });
}
