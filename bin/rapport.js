#!/usr/bin/env node
// Entry point of the `rapport` command. It runs the bundled JavaScript in dist/server/ when that is
// fresh (`npm start` builds it: scripts/build-server-if-stale.mjs), else registers tsx and runs the
// TypeScript sources as they are.
import { pathToFileURL } from 'node:url';
import { serverBundle } from '../scripts/build-server-if-stale.mjs';

const bundle = process.env.RAPPORT_NO_BUNDLE ? undefined : serverBundle();
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
