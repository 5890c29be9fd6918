#!/usr/bin/env node
// `npm start` runs this after the web build: bundles the server and the CLI (src/cli/main.ts) into
// dist/server/ as plain JavaScript when the bundle is missing or older than its sources, so `rapport`
// starts without tsx (about 30 MB less RSS, a faster start). bin/rapport.js runs the bundle only while
// it is fresh (serverBundle() below) and falls back to the TypeScript sources through tsx otherwise,
// so an edited source file is never served stale and a failed build costs nothing but the speed.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist', 'server');
const entry = join(outDir, 'rapport.mjs');
const stampFile = join(outDir, 'stamp.json');
// What the bundle is built from: the sources (the web app's own files are not in it), the installed
// packages' versions, and this script.
const sources = [join(root, 'src'), join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) {
    if (path === join(root, 'src') && name === 'web') continue;
    latest = Math.max(latest, newest(join(path, name)));
  }
  return latest;
}

/** The bundle's entry file when it is built for this checkout and newer than every source, else undefined. */
export function serverBundle() {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.root !== root || !existsSync(entry)) return undefined;
    return sources.every((source) => newest(source) <= stamp.builtAt) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each module keeps its own import.meta.url and import.meta.dirname (they find package.json and
 * dist/web relative to the source file), written in as the source file's location.
 */
const keepModuleLocation = {
  name: 'keep-module-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)));
      return { contents: text, loader: 'ts' };
    });
  },
};

export async function buildServerBundle() {
  const builtAt = Date.now();
  const { build } = await import('esbuild');
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    await build({
      entryPoints: { rapport: join(root, 'src', 'cli', 'main.ts') },
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      // The CLI's lazy imports (the server, the import parsers) stay lazy: chunks of their own.
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
      plugins: [keepModuleLocation],
    });
    // The bundle is stamped with the time the build started: a source saved during the build makes it stale.
    writeFileSync(join(tmp, 'stamp.json'), `${JSON.stringify({ root, builtAt })}\n`);
    rmSync(outDir, { recursive: true, force: true });
    renameSync(tmp, outDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (serverBundle()) process.exit(0);
  try {
    await buildServerBundle();
  } catch (error) {
    // Not fatal: bin/rapport.js runs the sources through tsx when there is no fresh bundle.
    console.warn(`rapport: could not bundle the server (${error.message}); running it through tsx`);
  }
}
