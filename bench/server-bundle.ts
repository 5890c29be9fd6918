import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The http_get_contact scenario's server child runs as plain JavaScript, as a deployed server would,
 * not through tsx: tsx's loader (its thread and the transpiled sources) adds about 30 MB of RSS and
 * would be counted as the app's memory. esbuild bundles bench/http-server.ts with the app's sources
 * (npm packages stay imports) once per run; the app is a chunk of its own, which the bare baseline
 * server never loads.
 * The bundle sits four folders below the repository root, where the sources' own
 * `new URL('../../../../package.json', import.meta.url)` still finds package.json.
 */
let bundled: Promise<string | undefined> | undefined;

export function serverBundle(log: (message: string) => void): Promise<string | undefined> {
  bundled ??= (async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const dir = `${root}node_modules/.cache/rapport-bench/server`;
    const outfile = `${dir}/http-server.mjs`;
    try {
      mkdirSync(dir, { recursive: true });
      await build({
        entryPoints: [fileURLToPath(new URL('./http-server.ts', import.meta.url))],
        outdir: dir,
        entryNames: 'http-server',
        outExtension: { '.js': '.mjs' },
        bundle: true,
        splitting: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        logLevel: 'silent',
      });
      return outfile;
    } catch (error) {
      log(`bench: could not bundle the server (${(error as Error).message}); running it through tsx`);
      return undefined;
    }
  })();
  return bundled;
}
