/** Migrates the database at a SQLite path or PostgreSQL URL and prints what it applied (JSON). */
import { createPostgresDatabase, createSqliteDatabase } from '../database';
import { migrateToLatest } from '../migrate';

const target = process.argv[2]!;
const database = target.startsWith('postgres') ? createPostgresDatabase(target, 1) : createSqliteDatabase(target);
process.stdout.write(JSON.stringify(await migrateToLatest(database.db)));
await database.close();
