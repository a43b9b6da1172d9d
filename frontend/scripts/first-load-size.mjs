#!/usr/bin/env node
// What a visitor's browser downloads first to show /c/:slug, gzip-compressed: index.html, the
// entry chunk with its CSS, and every chunk it imports statically (lazy pages are left out).
// Reads dist/.vite/manifest.json (run `npm run build` first). Prints one line of JSON; exits 1
// past the budget.
//
//   node scripts/first-load-size.mjs [--dist DIR] [--budget BYTES]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: resolve(import.meta.dirname, '..', 'dist') },
    budget: { type: 'string', default: '100000' },
  },
});
const dist = resolve(values.dist);
const manifestFile = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestFile)) {
  console.error(`${manifestFile} is missing: run \`npm run build\` first`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry && key.endsWith('index.html'));
if (!entry) {
  console.error('the manifest names no index.html entry');
  process.exit(2);
}

const files = new Set(['index.html']);
const seen = new Set();
(function walk(key) {
  if (seen.has(key)) return;
  seen.add(key);
  const chunk = manifest[key];
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) walk(imported);
})(entry);

const measured = [...files].map((file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const total = measured.reduce((sum, file) => sum + file.gzip, 0);
const budget = Number(values.budget);
console.log(JSON.stringify({ page: '/c/:slug', gzip_bytes: total, budget_bytes: budget, files: measured }));
process.exit(total <= budget ? 0 : 1);
