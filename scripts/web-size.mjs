#!/usr/bin/env node
// Prints the gzipped size of what the first page downloads (index.html's scripts, module preloads and
// styles) and of each lazy chunk, from the production build in dist/web. `node scripts/web-size.mjs --json`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../dist/web', import.meta.url));
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const size = (file) => {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const first = initial.map(size);
const lazy = readdirSync(join(dir, 'assets'))
  .map((f) => `assets/${f}`)
  .filter((f) => f.endsWith('.js') && !initial.includes(f))
  .map(size)
  .sort((a, b) => b.gzip - a.gzip);
const sum = (list, ext) => list.filter((f) => f.file.endsWith(ext)).reduce((n, f) => n + f.gzip, 0);
const result = { initialJsGzip: sum(first, '.js'), initialCssGzip: sum(first, '.css'), initial: first, lazy };
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`initial JS ${kb(result.initialJsGzip)} gzipped, CSS ${kb(result.initialCssGzip)} gzipped`);
  for (const f of first) console.log(`  ${f.file.padEnd(48)} ${kb(f.gzip).padStart(9)}`);
  console.log('lazy chunks:');
  for (const f of lazy) console.log(`  ${f.file.padEnd(48)} ${kb(f.gzip).padStart(9)}`);
}
