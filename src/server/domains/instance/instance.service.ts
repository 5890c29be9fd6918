import { readFileSync } from 'node:fs';
import type { Config } from '../../config';
import type { Dialect } from '../../db/dialect';
import type { Actor } from '../../platform/context';
import type { InstanceDto } from '../../../contracts/instance';

const version = (JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** A PostgreSQL URL reduced to what is safe to show: host, port and database name, never user or password. */
export function postgresLocation(url: string): { host: string; port: number; name: string } {
  const parsed = new URL(url);
  const host = parsed.hostname || new URLSearchParams(parsed.search).get('host') || 'localhost';
  return { host, port: parsed.port ? Number(parsed.port) : 5432, name: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres' };
}

/**
 * What the server runs on. The kind comes from the open database; the location from the configuration
 * that opened it, shown to the admin only (a member has no business knowing the server's paths or hosts).
 */
export function instanceService({ dialect, location }: { dialect: Dialect; location: Config['database'] }) {
  return {
    describe(actor: Actor): InstanceDto {
      const none = { file: null, host: null, port: null, name: null };
      // The location must describe the database actually open (tests open PostgreSQL under a SQLite config).
      if (actor.role !== 'admin' || location.kind !== dialect) return { version, database: { kind: dialect, ...none } };
      if (location.kind === 'sqlite') return { version, database: { kind: 'sqlite', ...none, file: location.file } };
      return { version, database: { kind: 'postgres', ...none, ...postgresLocation(location.url) } };
    },
  };
}
