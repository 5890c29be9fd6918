/**
 * The benchmark: `npm run bench -- [--json] [--contacts N --interactions M] [--db sqlite|postgres|all]
 * [--scenario name,...] [--iterations K] [--budget-seconds S] [--http-seconds S] [--seed X] [--keep]`.
 *
 * Generates the reference data (deterministic), creates a fresh database per dialect (a temp SQLite
 * file; a new PostgreSQL database on DATABASE_URL's server, or on an embedded PostgreSQL), creates the
 * owner through the real account service, bulk-loads, then times the services the app's hot paths
 * use, and the HTTP stack end to end. Everything it creates is removed afterwards.
 * With --json: one JSON object per line on stdout; progress goes to stderr.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import autocannon from 'autocannon';
import Table from 'cli-table3';
import { startEmbeddedPostgres } from '../src/server/db/embedded-postgres';
import pg from 'pg';
import { ContactListQuery } from '../src/contracts/contacts';
import { FollowUpListQuery } from '../src/contracts/follow-ups';
import { TimelineQuery } from '../src/contracts/interactions';
import { SearchQuery } from '../src/contracts/search';
import { createPostgresDatabase, createSqliteDatabase, type RapportDatabase } from '../src/server/db/database';
import type { Dialect } from '../src/server/db/dialect';
import { migrateToLatest } from '../src/server/db/migrate';
import { toActor } from '../src/server/domains/account/account.service';
import type { Actor } from '../src/server/platform/context';
import { createServices, type Services } from '../src/server/services';
import { newId } from '../src/server/platform/ids';
import { bulkLoad, type BulkLoadResult } from './bulk-load';
import { mainThreadCpuSeconds } from './cpu-time';
import { createRandom, generate, REFERENCE_SIZE, type BenchData, type Random, type ScenarioData } from './generate';
import type { ParentMessage, ServerMessage } from './http-server';
import { searchQueries } from './search-queries';
import { importLinkedin, importRss, importVcard, type ImportBenchContext } from './imports';
import { strengthAll, today as todayScenario, type RelationshipBenchContext } from './relationships';
import { serverBundle } from './server-bundle';

export const scenarioNames = ['load', 'contacts_list', 'timeline', 'due_followups', 'search', 'http_get_contact', 'import_linkedin', 'import_vcard', 'import_rss', 'export_vcard', 'ics_feed', 'strength_all', 'today'] as const;
export type ScenarioName = (typeof scenarioNames)[number];

/** What the relationship-engine scenarios (bench/relationships.ts, issue 5) need of a dialect's run. */
function relationshipContext(ctx: Context): RelationshipBenchContext {
  return { dialect: ctx.dialect, db: ctx.bench.database.db, services: ctx.services, actor: ctx.actor, measure, iterations, round };
}

/** Targets on the reference machine (2 cores); PostgreSQL query scenarios must also stay within 3x SQLite. */
const targets = {
  load: { metric: 'seconds', max: 15 },
  contacts_list: { metric: 'p95_ms', max: 5 },
  timeline: { metric: 'p95_ms', max: 5 },
  due_followups: { metric: 'p95_ms', max: 10 },
  search: { metric: 'p95_ms', max: 15 },
  // The calendar feed of 30,000 contacts' follow-ups, birthdays and milestones (issue 5).
  ics_feed: { metric: 'p95_ms', max: 500 },
  // Every contact as vCard 4.0 (issue 6): 30,000 contacts in 2 s, whole export end to end.
  export_vcard: { metric: 'p95_ms', max: 2000 },
} as const;
const HTTP_TARGET = { ratio: 0.4, rssMb: 200 };
/** http_get_contact measures each server in this many alternating slices of --http-seconds. */
const HTTP_SLICES = 5;
const POSTGRES_FACTOR = 3;

type Result = Record<string, unknown> & { scenario: string; db: string; target: string | null; ok: boolean | null };

// ---------------------------------------------------------------------------------------------
// Command line

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    contacts: { type: 'string' },
    interactions: { type: 'string' },
    db: { type: 'string', default: 'sqlite' },
    scenario: { type: 'string' },
    iterations: { type: 'string', default: '500' },
    'budget-seconds': { type: 'string', default: '90' },
    'http-seconds': { type: 'string', default: '10' },
    seed: { type: 'string', default: '20240601' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (args.help) {
  process.stdout.write(
    `npm run bench -- [--json] [--contacts N --interactions M] [--db sqlite|postgres|sqlite,postgres|all]\n` +
      `                 [--scenario ${scenarioNames.join(',')}] [--iterations K] [--budget-seconds S] [--http-seconds S] [--seed X] [--keep]\n` +
      `Every selected database is loaded first, then the scenarios run (the generated data let go by then).\n` +
      `Each query scenario: a warm-up (its first 50 calls, repeated for at least a second), then K iterations\n` +
      `(default 500); one that would run past S seconds (default 90) stops after at least 100 and reports the n it reached.\n` +
      `--keep leaves the loaded databases in place (for EXPLAIN) and prints where they are.\n` +
      `PostgreSQL: DATABASE_URL's server when set (a fresh database is created and dropped), else an embedded one.\n`,
  );
  process.exit(0);
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive whole number, not "${value}"`);
  return n;
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const size = {
  contacts: positiveInt('contacts', args.contacts, REFERENCE_SIZE.contacts),
  interactions: positiveInt('interactions', args.interactions, REFERENCE_SIZE.interactions),
};
const iterations = positiveInt('iterations', args.iterations, 500);
const budgetSeconds = positiveInt('budget-seconds', args['budget-seconds'], 90);
const httpSeconds = positiveInt('http-seconds', args['http-seconds'], 10);
const seed = positiveInt('seed', args.seed, 20_240_601);
const dbs: Dialect[] = (() => {
  const list = args.db === 'all' ? ['sqlite', 'postgres'] : args.db.split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of list) if (d !== 'sqlite' && d !== 'postgres') fail(`--db must be sqlite, postgres, sqlite,postgres or all, not "${d}"`);
  return [...new Set(list)] as Dialect[];
})();
const selected: ScenarioName[] = (() => {
  if (!args.scenario) return [...scenarioNames];
  const list = args.scenario.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of list) if (!(scenarioNames as readonly string[]).includes(s)) fail(`unknown scenario "${s}"; the scenarios are ${scenarioNames.join(', ')}`);
  return list as ScenarioName[];
})();

const log = (message: string) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------
// Cleanup: whatever happens, temp files, databases and child processes go.

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp() {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      log(`cleanup: ${(error as Error).message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    log(`\n${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });

// ---------------------------------------------------------------------------------------------
// Databases

let postgresServerUrl: Promise<string> | undefined;
/** DATABASE_URL's server, or an embedded PostgreSQL started once for the run. */
function postgresServer(): Promise<string> {
  postgresServerUrl ??= (async () => {
    if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
    log('starting an embedded PostgreSQL (set DATABASE_URL to use a server of your own)');
    const server = await startEmbeddedPostgres('rapport-bench-pg-');
    cleanups.push(() => server.stop());
    return server.url;
  })();
  return postgresServerUrl;
}

interface BenchDatabase {
  database: RapportDatabase;
  /** Environment for a server process over the same database. */
  serverEnv: Record<string, string>;
  describe: string;
}

async function openBenchDatabase(dialect: Dialect): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
    if (!args.keep) cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const database = createSqliteDatabase(join(dir, 'rapport.db'));
    cleanups.push(() => database.close());
    await migrateToLatest(database.db);
    return { database, serverEnv: { RAPPORT_DATA_DIR: dir }, describe: `SQLite ${join(dir, 'rapport.db')}` };
  }
  const serverUrl = await postgresServer();
  const name = `rapport_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  if (!args.keep) cleanups.push(async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = createPostgresDatabase(url.toString(), 10);
  cleanups.push(() => database.close());
  await migrateToLatest(database.db);
  const server = await database.db.selectNoFrom((eb) => eb.fn<string>('version').as('v')).executeTakeFirstOrThrow();
  return { database, serverEnv: { DATABASE_URL: url.toString() }, describe: `${server.v.split(' on ')[0]} at ${url.host}, database ${name}` };
}

// ---------------------------------------------------------------------------------------------
// Timing

/** The least time each query scenario spends warming up (measure). */
const WARMUP_SECONDS = 1;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Warms up, then runs `n` iterations one after another; returns latency statistics in ms. A scenario
 * so slow that it would take more than `budgetSeconds` stops early (after at least 100 iterations)
 * and says so: its n is then below the requested count.
 * The warm-up is `warmup` runs when given (the heavy scenarios: a run or two); by default a tenth of n,
 * at most 50 (the calls -1 to -50), repeated for at least a second. A server answers these calls warm:
 * 50 calls were not enough for the PostgreSQL driver's code and the server's side to settle (the same
 * due-follow-ups or contacts page, repeated: p95 still falling until 1,000–2,000 calls on PostgreSQL,
 * after 300 on SQLite), so the p95 of a 500-call scenario measured the warm-up.
 */
async function measure(n: number, run: (i: number) => Promise<unknown>, warmup?: number) {
  const runs = warmup ?? Math.min(50, Math.ceil(n / 10));
  const warmUntil = warmup === undefined ? performance.now() + WARMUP_SECONDS * 1000 : 0;
  for (let i = 0; i < runs || (runs > 0 && performance.now() < warmUntil); i++) await run(-1 - (i % runs));
  const times: number[] = [];
  const deadline = performance.now() + budgetSeconds * 1000;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
    if (i >= 99 && started > deadline) break;
  }
  const sorted = [...times].sort((a, b) => a - b);
  n = times.length;
  return {
    n,
    ...(n < iterations && { truncated: true }),
    p50_ms: round(percentile(sorted, 0.5), 3),
    p95_ms: round(percentile(sorted, 0.95), 3),
    p99_ms: round(percentile(sorted, 0.99), 3),
    mean_ms: round(times.reduce((s, t) => s + t, 0) / n, 3),
    max_ms: round(sorted.at(-1)!, 3),
  };
}

function queryResult(scenario: keyof typeof targets, db: Dialect, stats: Awaited<ReturnType<typeof measure>>, extra: Record<string, unknown> = {}): Result {
  const target = targets[scenario];
  return { scenario, db, ...stats, ...extra, target: `${target.metric}<=${target.max}`, ok: stats.p95_ms <= target.max };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

interface Context {
  dialect: Dialect;
  bench: BenchDatabase;
  services: Services;
  actor: Actor;
  data: ScenarioData;
  /** Interactions per contact, by generated index. */
  interactionCounts: number[];
  /** A random generator per scenario, so selecting scenarios does not change another's parameters. */
  random(scenario: ScenarioName): Random;
}

async function contactsList(ctx: Context): Promise<Result> {
  const random = ctx.random('contacts_list');
  const tags = ctx.data.tags.map((t) => t.name);
  // Mostly a tag filter (the popular tags are the first ones), sometimes none, now and then the archive.
  const queries = Array.from({ length: 200 }, () => {
    const roll = random.next();
    const tag = roll < 0.85 ? tags[Math.floor(Math.pow(random.next(), 2) * tags.length)] : undefined;
    return ContactListQuery.parse({ ...(tag && { tag }), sort: 'nextDue', limit: 50, ...(random.chance(0.05) && { archived: 'true' }) });
  });
  let rows = 0;
  const stats = await measure(iterations, async (i) => {
    const page = await ctx.services.contacts.list(ctx.actor, queries[(i + queries.length) % queries.length]!);
    if (i >= 0) rows += page.items.length;
  });
  return queryResult('contacts_list', ctx.dialect, stats, { mean_rows: round(rows / stats.n, 1) });
}

async function timeline(ctx: Context): Promise<Result> {
  const random = ctx.random('timeline');
  // Half the calls: the 100 contacts with the longest histories; half: any contact at all.
  const busiest = ctx.interactionCounts
    .map((count, index) => ({ count, index }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 100)
    .map((c) => c.index);
  const picks = Array.from({ length: 500 }, (_, k) => (k % 2 === 0 ? random.pick(busiest) : random.int(0, ctx.data.contacts.length - 1)));
  const query = TimelineQuery.parse({ limit: 50 });
  let rows = 0;
  const stats = await measure(iterations, async (i) => {
    const contact = ctx.data.contacts[picks[(i + picks.length) % picks.length]!]!;
    const page = await ctx.services.interactions.listForContact(ctx.actor, contact.id, query);
    if (i >= 0) rows += page.items.length;
  });
  return queryResult('timeline', ctx.dialect, stats, {
    mean_rows: round(rows / stats.n, 1),
    busiest_contact_interactions: ctx.interactionCounts[busiest[0]!],
  });
}

async function dueFollowUps(ctx: Context): Promise<Result> {
  const random = ctx.random('due_followups');
  // The first page most of the time; the next pages as someone working through the list would.
  const first = FollowUpListQuery.parse({ status: 'due', limit: 50 });
  const cursors: (string | undefined)[] = [undefined];
  let cursor: string | null = null;
  do {
    const page = await ctx.services.followUps.list(ctx.actor, { ...first, ...(cursor && { cursor }) });
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor && cursors.length < 10);
  const plan = Array.from({ length: 500 }, () => (random.chance(0.7) ? undefined : random.pick(cursors)));
  let rows = 0;
  const stats = await measure(iterations, async (i) => {
    const at = plan[(i + plan.length) % plan.length];
    const page = await ctx.services.followUps.list(ctx.actor, { ...first, ...(at && { cursor: at }) });
    if (i >= 0) rows += page.items.length;
  });
  return queryResult('due_followups', ctx.dialect, stats, { mean_rows: round(rows / stats.n, 1), pages: cursors.length });
}

async function search(ctx: Context): Promise<Result> {
  const queries = searchQueries(ctx.data, ctx.random('search'));
  let hits = 0;
  let empty = 0;
  const stats = await measure(iterations, async (i) => {
    const q = queries[(i + queries.length) % queries.length]!;
    const result = await ctx.services.search.search(ctx.actor, SearchQuery.parse({ q, limit: 20 }));
    if (i >= 0) {
      hits += result.items.length;
      if (result.items.length === 0) empty++;
    }
  });
  return queryResult('search', ctx.dialect, stats, { mean_hits: round(hits / stats.n, 1), empty_results: empty, distinct_queries: new Set(queries).size });
}

/** The whole vCard export of every contact, read to the end as a download would be; a few runs. */
async function exportVCard(ctx: Context): Promise<Result> {
  let bytes = 0;
  let cards = 0;
  // On a busy machine wall time mostly measures waiting for a core; CPU time per run says what the export costs.
  const cpuBefore = process.cpuUsage();
  const { truncated: _, ...stats } = await measure(
    Math.min(iterations, 5),
    async (i) => {
      let b = 0;
      let n = 0;
      for await (const chunk of ctx.services.exports.vcard(ctx.actor)) {
        b += Buffer.byteLength(chunk);
        n += chunk.split('BEGIN:VCARD').length - 1;
      }
      if (i >= 0) [bytes, cards] = [b, n];
    },
    1,
  );
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerRun = round((cpu.user + cpu.system) / 1000 / (stats.n + 1), 0);
  return queryResult('export_vcard', ctx.dialect, stats, { cards, mb: round(bytes / 2 ** 20, 1), cpu_ms_per_run: cpuMsPerRun, heap_used_mb: round(process.memoryUsage().heapUsed / 2 ** 20, 1) });
}

/**
 * The calendar feed (issue 5) of the bench owner: every open follow-up, the birthdays and milestones
 * of a year (work anniversaries added here for every fifth contact), and snoozes, as iCalendar text.
 */
async function icsFeed(ctx: Context): Promise<Result> {
  const { db } = ctx.bench.database;
  const now = new Date().toISOString();
  const milestones = ctx.data.contacts
    .filter((_, i) => i % 5 === 0)
    .map((c, i) => {
      const onDate = `${2010 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      return { id: newId(), owner_id: ctx.actor.userId, contact_id: c.id, kind: 'work_anniversary', title: `${c.name} at work`, on_date: onDate, month_day: onDate.slice(5), recurrence: 'yearly', remind_days_before: 0, notes: null, dismissed_through: null, created_at: now, updated_at: now };
    });
  const existing = await db.selectFrom('milestone').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', ctx.actor.userId).executeTakeFirst();
  if (Number(existing?.n ?? 0) === 0) for (let i = 0; i < milestones.length; i += 500) await db.insertInto('milestone').values(milestones.slice(i, i + 500)).execute();
  const { token } = await ctx.services.calendarFeed.create(ctx.actor);
  const read = async () => {
    let b = 0;
    let n = 0;
    for (const chunk of await ctx.services.calendarFeed.render(token)) {
      b += chunk.length;
      // Chunks end after a whole event (or the calendar's own lines), so no event is split between two.
      for (let at = chunk.indexOf('BEGIN:VEVENT'); at !== -1; at = chunk.indexOf('BEGIN:VEVENT', at + 12)) n++;
    }
    return [b, n] as const;
  };
  // Cold: the first read writes every event (main-thread CPU says what that costs on an idle core).
  const coldMain = mainThreadCpuSeconds();
  const started = performance.now();
  await read();
  const coldMs = round(performance.now() - started, 1);
  const coldMainMs = coldMain === undefined ? undefined : round(((mainThreadCpuSeconds() ?? coldMain) - coldMain) * 1000, 0);
  // Warm: unchanged data, as a calendar app polling the URL finds it (the queries run and the text is written anew).
  let bytes = 0;
  let events = 0;
  // 30 reads: with 10, the 95th percentile was the slowest read (one pause decided the figure).
  const runs = Math.min(iterations, 30);
  const cpuBefore = process.cpuUsage();
  const stats = await measure(
    runs,
    async (i) => {
      const [b, n] = await read();
      if (i >= 0) [bytes, events] = [b, n];
    },
    2,
  );
  // CPU time of this process per run (2 warm-ups included): on a busy machine, what the feed itself costs.
  const cpu = process.cpuUsage(cpuBefore);
  return queryResult('ics_feed', ctx.dialect, stats, {
    events,
    mb: round(bytes / 2 ** 20, 1),
    cold_ms: coldMs,
    ...(coldMainMs !== undefined && { cold_main_thread_cpu_ms: coldMainMs }),
    warm_cpu_ms_per_run: round((cpu.user + cpu.system) / 1000 / (runs + 2), 1),
  });
}

/** What the import scenarios (bench/imports.ts, issue 6) need of a dialect's run. */
const importContext = (ctx: Context): ImportBenchContext => ({ services: ctx.services, actor: ctx.actor, data: ctx.data, dialect: ctx.dialect, serverEnv: ctx.bench.serverEnv, log, round });

// HTTP --------------------------------------------------------------------------------------

interface ServerChild {
  port: number;
  memory(): Promise<Omit<Extract<ServerMessage, { type: 'rss' }>, 'type'>>;
  stop(): Promise<void>;
}

/** Starts bench/http-server.ts in a child process and waits until it listens. */
async function startServerChild(mode: 'app' | 'baseline', env: Record<string, string>): Promise<ServerChild> {
  // The web app's folder as `rapport serve` finds it (the bundle lives elsewhere). LOG_LEVEL is left as
  // `rapport serve` gets it (info unless the environment sets it): the app logs each request as it would.
  const childEnv: NodeJS.ProcessEnv = { RAPPORT_WEB_DIR: fileURLToPath(new URL('../dist/web', import.meta.url)), ...process.env, ...env, NODE_ENV: 'production' };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  // Plain JavaScript (bench/server-bundle.ts), both the app and the bare baseline; tsx if bundling fails.
  const bundle = await serverBundle(log);
  const child: ChildProcess = fork(bundle ?? new URL('./http-server.ts', import.meta.url), [mode], {
    execArgv: bundle ? [] : ['--import', 'tsx'],
    env: childEnv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  cleanups.push(kill);
  const next = <T extends ServerMessage['type']>(type: T) =>
    new Promise<Extract<ServerMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: ServerMessage) => {
        if (message.type === type) {
          child.off('message', onMessage);
          resolve(message as Extract<ServerMessage, { type: T }>);
        } else if (message.type === 'error') reject(new Error(`${mode} server: ${message.message}`));
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`${mode} server exited with code ${code}`)));
    });
  return next('listening').then(({ port }) => ({
    port,
    async memory() {
      const reply = next('rss');
      child.send('rss' satisfies ParentMessage);
      const { type: _, ...memory } = await reply;
      return memory;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close' satisfies ParentMessage);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      kill();
    },
  }));
}

async function load(url: string, seconds: number, headers: Record<string, string>, paths: string[]) {
  // Static requests: autocannon builds each one's buffer once and then cycles through them. With a
  // setupRequest callback it rebuilt the request (a new object and Buffer) for every send, so the
  // client spent more per app request than per bare-server request, and on 2 cores the client's CPU
  // is taken from the server it measures. Both servers are now loaded the same way.
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    headers,
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    rps: round(result.requests.average, 0),
    latency_p50_ms: result.latency.p50,
    latency_p99_ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function httpGetContact(ctx: Context): Promise<Result> {
  const random = ctx.random('http_get_contact');
  const { token } = await ctx.services.account.createToken(ctx.actor, { name: 'bench' });
  const paths = Array.from({ length: 1000 }, () => `/api/v1/contacts/${random.pick(ctx.data.contacts).id}`);
  const warmup = Math.min(2, httpSeconds);
  // The bare server and the app are measured in alternating slices (baseline, app, app, baseline, ...)
  // rather than one after the other: the machine's speed drifts within a minute (other processes,
  // the second core), and the bare server's figure moved between 19,000 and 46,000 req/s from one run
  // to the next, which the ratio then carried. Each figure is its requests over its slices' seconds.
  const slice = Math.max(1, Math.round(httpSeconds / HTTP_SLICES));
  const headers = { authorization: `Bearer ${token}` };
  const baselineServer = await startServerChild('baseline', {});
  let appServer: ServerChild | undefined;
  const runs: Record<'baseline' | 'app', Awaited<ReturnType<typeof load>>[]> = { baseline: [], app: [] };
  let baselineMemory;
  let memory;
  let idle;
  try {
    appServer = await startServerChild('app', ctx.bench.serverEnv);
    idle = await appServer.memory();
    const measureOne = (which: 'baseline' | 'app', seconds: number) =>
      which === 'baseline' ? load(`http://127.0.0.1:${baselineServer.port}`, seconds, {}, ['/hello']) : load(`http://127.0.0.1:${appServer!.port}`, seconds, headers, paths);
    await measureOne('baseline', warmup);
    await measureOne('app', warmup);
    for (let i = 0; i < HTTP_SLICES; i++)
      for (const which of i % 2 === 0 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const)) runs[which].push(await measureOne(which, slice));
    baselineMemory = await baselineServer.memory();
    memory = await appServer.memory();
  } finally {
    await baselineServer.stop();
    await appServer?.stop();
  }
  const combined = (list: Awaited<ReturnType<typeof load>>[]) => {
    const requests = list.reduce((sum, r) => sum + r.requests, 0);
    return {
      rps: round(requests / (slice * list.length), 0),
      requests,
      // The median slice's p50 and the worst slice's p99.
      latency_p50_ms: list.map((r) => r.latency_p50_ms).sort((a, b) => a - b)[Math.floor(list.length / 2)]!,
      latency_p99_ms: Math.max(...list.map((r) => r.latency_p99_ms)),
      non2xx: list.reduce((sum, r) => sum + r.non2xx, 0),
      errors: list.reduce((sum, r) => sum + r.errors, 0),
      slices_rps: list.map((r) => round(r.requests / slice, 0)),
    };
  };
  const baseline = combined(runs.baseline);
  const app = combined(runs.app);
  const ratio = round(app.rps / baseline.rps, 3);
  const rssMb = round(memory.rssMb, 1);
  return {
    scenario: 'http_get_contact',
    db: ctx.dialect,
    n: app.requests,
    seconds: slice * HTTP_SLICES,
    connections: 10,
    rps: app.rps,
    baseline_rps: baseline.rps,
    ratio,
    rss_mb: rssMb,
    peak_rss_mb: round(memory.peakRssMb, 1),
    idle_rss_mb: round(idle!.rssMb, 1),
    baseline_rss_mb: round(baselineMemory!.rssMb, 1),
    slices_rps: app.slices_rps,
    baseline_slices_rps: baseline.slices_rps,
    heap_used_mb: round(memory.heapUsedMb, 1),
    external_mb: round(memory.externalMb, 1),
    p50_ms: app.latency_p50_ms,
    p99_ms: app.latency_p99_ms,
    non2xx: app.non2xx,
    errors: app.errors,
    target: `ratio>=${HTTP_TARGET.ratio}, rss_mb<=${HTTP_TARGET.rssMb}`,
    ok: ratio >= HTTP_TARGET.ratio && rssMb <= HTTP_TARGET.rssMb && app.non2xx === 0 && app.errors === 0,
  };
}

const queryScenarios: Partial<Record<ScenarioName, (ctx: Context) => Promise<Result>>> = {
  strength_all: (ctx) => strengthAll(relationshipContext(ctx)),
  today: (ctx) => todayScenario(relationshipContext(ctx)),
  contacts_list: contactsList,
  timeline,
  due_followups: dueFollowUps,
  search,
  http_get_contact: httpGetContact,
  import_linkedin: (ctx) => importLinkedin(importContext(ctx)),
  import_vcard: (ctx) => importVcard(importContext(ctx)),
  import_rss: (ctx) => importRss(importContext(ctx)),
  ics_feed: icsFeed,
  export_vcard: exportVCard,
};

// ---------------------------------------------------------------------------------------------
// Output

const results: Result[] = [];

function report(result: Result) {
  // Other processes on the machine skew timings; the 1-minute load average says how much.
  if (result.db !== 'postgres/sqlite') result.loadavg_1m = round(loadavg()[0]!, 2);
  results.push(result);
  if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else log(`  ${result.scenario} (${result.db}): ${summary(result)}${result.ok === false ? '  MISSED' : ''}`);
}

function summary(r: Result): string {
  if (r.scenario === 'load') return `${r.seconds} s`;
  if (r.scenario === 'import_rss') return `${r.mb} MB in ${r.seconds} s, peak RSS ${r.peak_rss_mb} MB`;
  if (r.scenario.startsWith('import_')) return `${r.rows} rows in ${r.seconds} s (${r.new} new, ${r.merged} merged, ${r.unchanged} unchanged)`;
  if (r.scenario === 'http_get_contact') return `${r.rps} req/s vs ${r.baseline_rps} bare (ratio ${r.ratio}), RSS ${r.rss_mb} MB`;
  if ('ratio' in r && r.db === 'postgres/sqlite') return `p95 ${r.postgres_p95_ms} vs ${r.sqlite_p95_ms} ms (${r.ratio}x)`;
  return `p50 ${r.p50_ms} ms, p95 ${r.p95_ms} ms`;
}

function printTable() {
  const table = new Table({ head: ['scenario', 'db', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'result', 'target', 'ok'], style: { head: [], border: [] } });
  for (const r of results) {
    const measured = r.scenario === 'load' ? `${r.seconds} s` : r.scenario === 'http_get_contact' ? `${r.rps} rps, ratio ${r.ratio}, ${r.rss_mb} MB` : r.db === 'postgres/sqlite' ? `${r.ratio}x` : '';
    table.push([r.scenario, r.db, String(r.n ?? ''), String(r.p50_ms ?? ''), String(r.p95_ms ?? ''), String(r.p99_ms ?? ''), measured, r.target ?? '', r.ok === null ? '' : r.ok ? 'yes' : 'NO']);
  }
  process.stdout.write(`${table.toString()}\n`);
}

// ---------------------------------------------------------------------------------------------
// Main

interface LoadedDialect {
  dialect: Dialect;
  bench: BenchDatabase;
  services: Services;
  actor: Actor;
}

/** Creates the dialect's database and owner and bulk-loads the data into it (the `load` scenario). */
async function loadDialect(dialect: Dialect, data: BenchData): Promise<LoadedDialect> {
  log(`\n[${dialect}] creating the database`);
  const bench = await openBenchDatabase(dialect);
  log(`[${dialect}] ${bench.describe}`);
  const services = await createServices({ database: bench.database, config: { openSignup: true, baseUrl: 'http://127.0.0.1:7277' } });
  const user = await services.account.createUser({ email: 'bench@example.com', password: 'correct horse battery staple', name: 'Bench Owner', timezone: 'Europe/Berlin' });
  const actor = toActor(user, 'cli');

  log(`[${dialect}] bulk-loading ${data.contacts.length} contacts, ${data.interactions.length} interactions`);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpuSeconds();
  const loaded: BulkLoadResult = await bulkLoad(bench.database, actor.userId, data);
  const seconds = round((performance.now() - started) / 1000, 2);
  const cpu = process.cpuUsage(cpuBefore);
  const mainAfter = mainThreadCpuSeconds();
  if (selected.includes('load')) {
    const ok = dialect === 'sqlite' ? seconds <= targets.load.max : null;
    report({
      scenario: 'load',
      db: dialect,
      n: 1,
      seconds,
      contacts: loaded.counts.contacts,
      interactions: loaded.counts.interactions,
      rows: Object.values(loaded.counts).reduce((s, n) => s + n, 0),
      // CPU time of this process (both threads) and of its main thread: on a busy machine, wall time
      // far above these says the figure was taken while others used the cores.
      cpu_seconds: round((cpu.user + cpu.system) / 1e6, 1),
      ...(mainBefore !== undefined && mainAfter !== undefined && { main_thread_cpu_seconds: round(mainAfter - mainBefore, 1) }),
      phases_ms: loaded.phases,
      target: dialect === 'sqlite' ? `seconds<=${targets.load.max}` : null,
      ok,
    });
  }

  return { dialect, bench, services, actor };
}

/** The query scenarios selected, against one loaded database. */
async function runScenarios({ dialect, bench, services, actor }: LoadedDialect, data: ScenarioData, interactionCounts: number[]) {
  log(`\n[${dialect}] scenarios`);
  const ctx: Context = {
    dialect,
    bench,
    services,
    actor,
    data,
    interactionCounts,
    random: (scenario) => createRandom(seed + 7919 * scenarioNames.indexOf(scenario)),
  };
  for (const name of selected) {
    const run = queryScenarios[name];
    if (!run) continue;
    log(`[${dialect}] ${name}`);
    report(await run(ctx));
  }
}

function compare() {
  for (const scenario of Object.keys(targets) as (keyof typeof targets)[]) {
    if (scenario === 'load') continue;
    const sqlite = results.find((r) => r.scenario === scenario && r.db === 'sqlite');
    const postgres = results.find((r) => r.scenario === scenario && r.db === 'postgres');
    if (!sqlite || !postgres) continue;
    const ratio = round((postgres.p95_ms as number) / (sqlite.p95_ms as number), 2);
    report({
      scenario,
      db: 'postgres/sqlite',
      sqlite_p95_ms: sqlite.p95_ms,
      postgres_p95_ms: postgres.p95_ms,
      ratio,
      target: `ratio<=${POSTGRES_FACTOR}`,
      ok: ratio <= POSTGRES_FACTOR,
    });
  }
}

/**
 * A full garbage collection now. Old-generation garbage is only collected when V8 decides the old
 * space has grown enough, which the scenarios' small allocations would not make it do for a long time.
 */
function fullCollection() {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function main() {
  log(`Rapport bench: ${size.contacts} contacts, ${size.interactions} interactions; db ${dbs.join(', ')}; ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB`);
  let started = performance.now();
  let data: BenchData | undefined = generate({ ...size, seed });
  const interactionCounts = new Array<number>(data.contacts.length).fill(0);
  for (const i of data.interactions) for (const c of i.contacts) interactionCounts[c]!++;
  log(`generated the data in ${round((performance.now() - started) / 1000, 1)} s (seed ${seed}, as of ${data.now})`);
  started = performance.now();
  // Every database is loaded first; then the generated interactions, notes and follow-ups (nearly all
  // of this process's 2 GB heap) are let go before any query scenario runs. Kept, every young-generation
  // collection during the scenarios took 8–12 ms instead of under 2, on the services' calls being timed,
  // in a heap no server has.
  const loaded: LoadedDialect[] = [];
  for (const dialect of dbs) loaded.push(await loadDialect(dialect, data));
  const scenarioData: ScenarioData = { now: data.now, contacts: data.contacts, organizations: data.organizations, tags: data.tags };
  data = undefined;
  const heapBefore = process.memoryUsage().heapUsed;
  fullCollection();
  log(`\nlet the generated data go: heap ${Math.round(heapBefore / 2 ** 20)} → ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`);
  for (const dialect of loaded) await runScenarios(dialect, scenarioData, interactionCounts);
  compare();
  if (!args.json) printTable();
  log(`done in ${round((performance.now() - started) / 1000, 1)} s`);
}

try {
  await main();
} catch (error) {
  log(`bench failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
// Pools and the embedded server's handles must not keep the process alive once the report is out.
process.exit(process.exitCode ?? 0);
