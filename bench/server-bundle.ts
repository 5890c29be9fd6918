import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The bench's child processes run as plain JavaScript, as a deployed server or `rapport import` would
 * (both run the bundle in dist/server/), not through tsx: tsx's loader (its thread and the transpiled
 * sources) adds about 30 MB of RSS and would be counted as the app's memory (http_get_contact's
 * rss_mb, import_rss's peak). esbuild bundles bench/http-server.ts and bench/import-worker.ts with the
 * app's sources (npm packages stay imports) once per run; the app is a chunk of its own, which the
 * bare baseline server never loads.
 * The bundle sits four folders below the repository root, where the sources' own
 * `new URL('../../../../package.json', import.meta.url)` still finds package.json.
 */
let bundled: Promise<string | undefined> | undefined;

/** The folder of the bundled children, or undefined (then they run through tsx). */
function benchBundle(log: (message: string) => void): Promise<string | undefined> {
  bundled ??= (async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const dir = `${root}node_modules/.cache/rapport-bench/server`;
    try {
      mkdirSync(dir, { recursive: true });
      await build({
        entryPoints: ['./http-server.ts', './import-worker.ts'].map((entry) => fileURLToPath(new URL(entry, import.meta.url))),
        outdir: dir,
        entryNames: '[name]',
        outExtension: { '.js': '.mjs' },
        bundle: true,
        splitting: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        logLevel: 'silent',
      });
      return dir;
    } catch (error) {
      log(`bench: could not bundle the bench's child processes (${(error as Error).message}); running them through tsx`);
      return undefined;
    }
  })();
  return bundled;
}

/** bench/http-server.ts as plain JavaScript, or undefined. */
export const serverBundle = async (log: (message: string) => void) => {
  const dir = await benchBundle(log);
  return dir && `${dir}/http-server.mjs`;
};

/** bench/import-worker.ts as plain JavaScript, or undefined. */
export const importWorkerBundle = async (log: (message: string) => void) => {
  const dir = await benchBundle(log);
  return dir && `${dir}/import-worker.mjs`;
};
