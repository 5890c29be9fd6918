#!/usr/bin/env node
// `npm start` runs this first: builds the web app (vite build -> dist/web) when it is missing or older
// than its sources, so a fresh clone serves the app after `npm ci && npm start`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist', 'web', 'index.html');
const sources = [join(root, 'src', 'web'), join(root, 'src', 'contracts'), join(root, 'vite.config.ts'), join(root, 'package-lock.json')];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

export function webBuildIsStale() {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.some((source) => newest(source) > builtAt);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!webBuildIsStale()) process.exit(0);
  if (!existsSync(join(root, 'node_modules', 'vite'))) {
    console.warn('rapport: the web app is not built and Vite is not installed (npm ci without --omit=dev builds it); serving the API only');
    process.exit(0);
  }
  console.log('rapport: building the web app (dist/web)…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // A production build even when started from a test run (vitest sets NODE_ENV=test).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  process.exit(result.status ?? 1);
}
