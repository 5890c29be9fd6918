import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import pino from 'pino';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { RapportDatabase } from './db/database';
import type { Clock } from './platform/clock';
import { newId } from './platform/ids';
import { batchResponses } from './platform/response-batching';
import { addSecurityHeaders } from './platform/security-headers';
import { sendProblem, toAppError } from './platform/problem';
import { AppError } from './platform/errors';
import { createServices, type Services } from './services';
import { authRoutes } from './domains/account/auth.routes';
import { accountRoutes } from './domains/account/account.routes';
import { authenticate } from './domains/account/authenticate';
import { contactRoutes } from './domains/contacts/contacts.routes';
import { readContactsDirectly } from './domains/contacts/contacts.read-one';
import { interactionRoutes } from './domains/interactions/interactions.routes';
import { noteRoutes } from './domains/notes/notes.routes';
import { followUpRoutes } from './domains/follow-ups/follow-ups.routes';
import { organizationRoutes } from './domains/organizations/organizations.routes';
import { tagRoutes } from './domains/tags/tags.routes';
import { searchRoutes } from './domains/search/search.routes';
import { relationshipRoutes } from './domains/relationships/relationships.routes';
import { milestoneRoutes } from './domains/milestones/milestones.routes';
import { templateRoutes } from './domains/templates/templates.routes';
import { todayRoutes } from './domains/today/today.routes';
import { exportRoutes } from './domains/exports/exports.routes';
import { backupRoutes } from './domains/backup/backup.routes';
import { appreciationRoutes } from './domains/appreciation/appreciation.routes';
import { goalRoutes } from './domains/goals/goals.routes';
import { calendarFeedPublicRoutes, calendarFeedRoutes } from './domains/calendar-feed/calendar-feed.routes';
import { insightsRoutes } from './domains/insights/insights.routes';
import { eventRoutes } from './domains/events/events.routes';
import { chatRoutes } from './domains/chats/chats.routes';
import { bookingRoutes, publicBookingRoutes } from './domains/booking/booking.routes';
import { mentorshipRoutes } from './domains/mentorships/mentorships.routes';
import { communityRoutes } from './domains/communities/communities.routes';
import { socialRoutes } from './domains/social/social.routes';
import { importRoutes } from './domains/imports/imports.routes';
import { duplicateRoutes } from './domains/duplicates/duplicates.routes';
import { demoRoutes } from './domains/demo/demo.routes';
import { instanceRoutes } from './domains/instance/instance.routes';
import { landingPage } from './landing-page';

export interface AppOptions {
  config: Config;
  database: RapportDatabase;
  clock?: Clock;
  /** Fastify logger options; false in tests. */
  logger?: FastifyServerOptions['logger'];
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export const redactedPaths = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'];
/** pino's redact option of the server's logger (serverLogger). */
export const logRedaction = { paths: redactedPaths, censor: '[redacted]' };

/** How long a log line may wait in the stdout buffer before it is written. */
const LOG_FLUSH_MS = 100;
/** Characters of log lines handed to the destination at once. */
const LOG_BATCH = 4096;

/**
 * stdout for JSON log lines, written in batches: one write per line (at the default level one per
 * request) cost about a tenth of a request's CPU. Lines collect here up to 4 KiB and are written as one
 * string, at the latest LOG_FLUSH_MS later; what is left is written when the process exits (shutdown,
 * crash). Collected here rather than by SonicBoom's minLength: SonicBoom appends each line to its
 * pending string and measures that string's UTF-8 length again, which flattened and walked up to
 * 4 KiB for every line. Each batch is written synchronously, in order: with asynchronous writes a batch
 * still on the thread pool when the process exited could reach stdout after the last one, written at exit.
 */
function batchedStdout() {
  const destination = pino.destination({ dest: 1, sync: true });
  const closed = () => (destination as unknown as { destroyed: boolean }).destroyed;
  let lines = '';
  const handOver = () => {
    if (lines === '' || closed()) return;
    destination.write(lines);
    lines = '';
  };
  setInterval(handOver, LOG_FLUSH_MS).unref();
  // Registered after pino's own exit hook (created with the destination), which flushes only what it was given.
  process.on('beforeExit', handOver);
  process.on('exit', () => {
    handOver();
    if (!closed()) destination.flushSync();
  });
  return {
    write(line: string) {
      lines += line;
      if (lines.length >= LOG_BATCH) handOver();
      return true;
    },
    flush(callback?: (error?: Error) => void) {
      handOver();
      destination.flush(callback);
    },
  };
}

/**
 * The logger `rapport serve` (and the http_get_contact bench's server) runs with: the configured
 * level (info unless LOG_LEVEL says otherwise: one line per request), secrets redacted, JSON lines
 * to stdout, pretty-printed in a terminal.
 */
export function serverLogger(config: Pick<Config, 'logLevel' | 'prettyLogs'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: logRedaction,
    ...(config.prettyLogs ? {} : { stream: batchedStdout() }),
    ...(config.prettyLogs && { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' } } }),
  };
}

type Bindings = Record<string, unknown>;
type LogFn = (...args: unknown[]) => void;

/**
 * request.log, built on first use. Fastify gives every request its own pino child (the request id as a
 * binding), and pino builds a child by serializing its bindings through the redaction: about 1 % of a
 * GET of one contact, for a logger that only the error paths write to. The access line does not use
 * it (see accessLogger). Every call goes to the real child, so error lines carry the request id as before.
 */
class LazyRequestLogger {
  #child: FastifyBaseLogger | undefined;
  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly childBindings: Bindings,
    private readonly options: object,
  ) {}
  #real(): FastifyBaseLogger {
    return (this.#child ??= this.parent.child(this.childBindings, this.options));
  }
  get level(): string {
    return this.#child ? this.#child.level : ((this.options as { level?: string }).level ?? this.parent.level);
  }
  set level(level: string) {
    this.#real().level = level;
  }
  isLevelEnabled(level: string): boolean {
    return (this.#real() as unknown as { isLevelEnabled(level: string): boolean }).isLevelEnabled(level);
  }
  #write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', args: unknown[]): void {
    (this.#real() as unknown as Record<string, LogFn>)[level]!(...args);
  }
  child(bindings: Bindings, options?: object): FastifyBaseLogger {
    return this.#real().child(bindings, options);
  }
  // Methods on the prototype, so that a request's logger is one small object and no closures.
  fatal(...args: unknown[]): void {
    this.#write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#write('error', args);
  }
  warn(...args: unknown[]): void {
    this.#write('warn', args);
  }
  info(...args: unknown[]): void {
    this.#write('info', args);
  }
  debug(...args: unknown[]): void {
    this.#write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#write('trace', args);
  }
  silent(): void {}
}

/**
 * The logger of the one access line per request: the server's logger (same level, destination, pid
 * and hostname) without the redaction, which walked every field of every line looking for secrets.
 * The line's fields are fixed (reqId, method, path without the query, status, ms) and none can hold
 * one; every other log call still goes through the redacting logger.
 */
function accessLogger(server: FastifyBaseLogger): FastifyBaseLogger {
  return server.child({}, { redact: [] } as object);
}

/** A browser navigation the web app should answer: GET/HEAD, outside /api and /healthz, not a file name. */
export function isAppPath(method: string, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (path === '/api' || path.startsWith('/api/') || path === '/healthz' || path.startsWith('/healthz/')) return false;
  return !/\.[A-Za-z0-9]+$/.test(path);
}

/** Builds the whole HTTP application without listening; tests drive it with app.inject(). */
export async function buildApp({ config, database, clock, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    // Only with a logger: without one Fastify hands every request the no-op logger itself.
    ...(logger && { childLoggerFactory: (parent, bindings, options) => new LazyRequestLogger(parent, bindings, options) as unknown as FastifyBaseLogger }),
    // Fastify's own per-request lines are off: the onResponse hook below writes one line per request.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : newId();
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services = await createServices({ database, config, clock });
  await services.auth(); // load the auth library now rather than on the first sign-in
  app.decorate('services', services);
  // GET /contacts/{id} reads on the SQLite handle itself outside transactions (contacts.read-one.ts).
  if (database.sqlite) readContactsDirectly(database.db, database.sqlite);

  // One line per request, with its id; never headers (they carry cookies and tokens). No hook at all
  // when nothing would be written (logger off or above info): it ran on every request.
  const log = app.log as { isLevelEnabled?: (level: string) => boolean };
  if (typeof log.isLevelEnabled === 'function' && log.isLevelEnabled('info')) {
    const access = accessLogger(app.log);
    app.addHook('onResponse', (request, reply, done) => {
      const query = request.url.indexOf('?');
      const path = query === -1 ? request.url : request.url.slice(0, query);
      access.info({ reqId: request.id, method: request.method, url: path, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
      done();
    });
  }
  // Answers leave together once per event-loop turn (platform/response-batching.ts).
  batchResponses(app);
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, appError, request);
  });
  const webBuilt = existsSync(join(config.webDir, 'index.html'));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // Deep links of the web app (/contacts/…) load its index.html; the app's router takes it from there.
    // API paths, the health check and missing files (a path with an extension) stay problem+json 404s.
    if (webBuilt && isAppPath(request.method, path)) return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
    return sendProblem(reply, new AppError('not_found', `No route for ${request.method} ${path}`), request);
  });

  // Also sets x-request-id (one hook). Set when the request arrives: error answers keep the reply's
  // headers, and with no onSend hook at all Fastify skips that stage of every response.
  addSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
      },
    },
    hsts: config.baseUrl.startsWith('https://'),
  });
  await app.register(rateLimit, { global: false });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: '1',
        description:
          'The REST API of Rapport. Authenticate with `Authorization: Bearer <token>` (create one under /api/v1/tokens or with `rapport token create`) or with the session cookie from /api/auth/sign-in/email. Errors are application/problem+json.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'rapport.session_token' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { url: '/api/openapi.json', deepLinking: true } });

  app.get('/healthz', { schema: { hide: true } }, async () => {
    await database.db.selectNoFrom((eb) => eb.val(1).as('ok')).execute();
    return { status: 'ok' };
  });

  await app.register(authRoutes);
  await app.register(publicBookingRoutes);
  await app.register(calendarFeedPublicRoutes);
  await app.register(async (v1) => {
    v1.addHook('onRequest', authenticate(config));
    await v1.register(accountRoutes);
    await v1.register(contactRoutes);
    await v1.register(interactionRoutes);
    await v1.register(noteRoutes);
    await v1.register(followUpRoutes);
    await v1.register(organizationRoutes);
    await v1.register(tagRoutes);
    await v1.register(searchRoutes);
    await v1.register(relationshipRoutes);
    await v1.register(milestoneRoutes);
    await v1.register(templateRoutes);
    await v1.register(todayRoutes);
    await v1.register(exportRoutes);
    await v1.register(backupRoutes);
    await v1.register(appreciationRoutes);
    await v1.register(goalRoutes);
    await v1.register(calendarFeedRoutes);
    await v1.register(insightsRoutes);
    await v1.register(eventRoutes);
    await v1.register(chatRoutes);
    await v1.register(bookingRoutes);
    await v1.register(mentorshipRoutes);
    await v1.register(communityRoutes);
    await v1.register(socialRoutes);
    await v1.register(importRoutes);
    await v1.register(duplicateRoutes);
    await v1.register(demoRoutes);
    await v1.register(instanceRoutes, { location: config.database });
  }, { prefix: '/api/v1' });

  if (webBuilt) {
    const assetsDir = join(config.webDir, 'assets');
    await app.register(fastifyStatic, {
      root: config.webDir,
      wildcard: false,
      // Vite puts a content hash in every file name under assets/: cache them for a year. Everything else
      // (index.html above all, which names the current hashes) is revalidated on every load.
      setHeaders: (reply, path) =>
        reply.header('cache-control', path.startsWith(`${assetsDir}/`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(landingPage()));
  }

  app.addHook('onClose', async () => {
    await database.close();
  });
  return app;
}
