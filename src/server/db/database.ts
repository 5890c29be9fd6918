import Database from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SelectQueryNode,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type QueryResult,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import { AppError } from '../platform/errors';
import type { Dialect } from './dialect';
import { timestamptzToIso } from './pg-types';
import { withPreparedStatements } from './prepared';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import type { DB } from './schema';

export interface Database_ {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The raw better-sqlite3 handle (SQLite only): bulk loaders use prepared statements on it. */
  sqlite?: Database.Database;
  /**
   * SQLite file databases: WAL checkpoints from now on run on a thread of their own instead of inside
   * big commits (db/checkpointer.ts; the server turns this on). Does nothing on PostgreSQL and in memory.
   */
  checkpointInBackground?(options?: { intervalMs?: number; onError?: (message: string) => void }): void;
  close(): Promise<void>;
}
export type { Database_ as RapportDatabase };

// Timestamps and dates leave the database as ISO strings on both dialects.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, timestamptzToIso);
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => new Date(`${v}Z`).toISOString());
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function openSqlite(file: string): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  // NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the last commits).
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('cache_size = -32000');
  return sqlite;
}

/** Statements kept prepared per connection (the app's queries are a few hundred distinct texts). */
const STATEMENT_CACHE_SIZE = 500;

/** better-sqlite3 refuses JS booleans: they are bound as 0/1 (SQLite has no boolean type). */
function sqliteParameters(parameters: readonly unknown[]): readonly unknown[] {
  for (let i = 0; i < parameters.length; i++) {
    if (typeof parameters[i] === 'boolean') return parameters.map((v) => (typeof v === 'boolean' ? Number(v) : v));
  }
  return parameters;
}

/**
 * Kysely's SQLite connection prepares every query anew; preparing costs more than running the
 * small indexed queries the app mostly sends. This one keeps prepared statements by SQL text (the
 * oldest are dropped past STATEMENT_CACHE_SIZE) and binds booleans as 0/1, which a Kysely plugin
 * used to do by rewriting every query tree.
 */
class CachingSqliteConnection implements DatabaseConnection {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  #prepare(text: string): Database.Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.#db.prepare(text);
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.delete(this.#statements.keys().next().value!);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#prepare(compiledQuery.sql);
    const parameters = sqliteParameters(compiledQuery.parameters);
    if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({
      numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
      insertId: lastInsertRowid !== undefined && lastInsertRowid !== null ? BigInt(lastInsertRowid) : undefined,
      rows: [],
    });
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // A statement being iterated cannot run again meanwhile: streams get a statement of their own.
    if (!SelectQueryNode.is(compiledQuery.query)) throw new Error('Sqlite driver only supports streaming of select queries');
    const statement = this.#db.prepare(compiledQuery.sql);
    for (const row of statement.iterate(sqliteParameters(compiledQuery.parameters))) yield { rows: [row as R] };
  }
}

/**
 * SQLite transactions begin IMMEDIATE. A deferred BEGIN that reads and then writes must upgrade its
 * lock, and if another process (the CLI next to the server, two CLI commands) wrote in between,
 * SQLite fails at once with "database is locked", without waiting for busy_timeout. Taking the
 * write lock up front makes concurrent writers queue (up to busy_timeout) instead.
 * Queries run on a CachingSqliteConnection (Kysely's connection mutex still serializes them).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #connection: CachingSqliteConnection;
  constructor(settings: SqliteDialectConfig & { database: Database.Database }) {
    super(settings);
    this.#connection = new CachingSqliteConnection(settings.database);
  }
  override async acquireConnection(): Promise<DatabaseConnection> {
    await super.acquireConnection(); // waits for the single connection to be free
    return this.#connection;
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #settings: SqliteDialectConfig & { database: Database.Database };
  constructor(settings: SqliteDialectConfig & { database: Database.Database }) {
    super(settings);
    this.#settings = settings;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#settings);
  }
}

export function createSqliteDatabase(file: string): Database_ {
  let sqlite: Database.Database;
  try {
    sqlite = openSqlite(file);
  } catch (error) {
    throw new AppError('config', `Cannot open the SQLite database at ${file}: ${(error as Error).message}`);
  }
  const db = new Kysely<DB>({
    dialect: new ImmediateSqliteDialect({ database: sqlite }),
  });
  let checkpointer: Checkpointer | undefined;
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    checkpointInBackground(options) {
      if (!checkpointer && !sqlite.memory) checkpointer = startCheckpointer(sqlite, options);
    },
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

export function createPostgresDatabase(url: string, poolSize = 10): Database_ {
  // A lower trigram threshold lets one-letter typos in short words ("jonh") find their word.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, options: '-c pg_trgm.similarity_threshold=0.2' });
  pool.on('error', () => {}); // an idle client dropped by the server must not crash the process
  // Clients run the statements marked with prepareOnPostgres by name (planned once per connection).
  const preparing = { connect: async () => withPreparedStatements(await pool.connect()), end: () => pool.end() };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparing }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Opens the configured database and proves it answers, or fails with one clear line. */
export async function openDatabase(config: Config): Promise<Database_> {
  if (config.database.kind === 'sqlite') return createSqliteDatabase(config.database.file);
  const database = createPostgresDatabase(config.database.url);
  try {
    await database.db.selectNoFrom((eb) => eb.val(1).as('ok')).execute();
  } catch (error) {
    await database.close().catch(() => {});
    const url = new URL(config.database.url);
    throw new AppError(
      'config',
      `Cannot connect to PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}: ${(error as Error).message}`,
    );
  }
  return database;
}
