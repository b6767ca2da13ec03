// Reports the gzip size of the JavaScript the SPA loads up front, and fails the build over budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budget = 200 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map(
  (m) => m[1],
);
let total = 0;
for (const file of initial) {
  const size = gzipSync(readFileSync(join(dist, file))).byteLength;
  total += size;
  console.log(`  ${file}  ${(size / 1024).toFixed(1)} KB gzip`);
}
console.log(
  `Initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${budget / 1024} KB)`,
);
if (total > budget) {
  console.error('Over the initial JavaScript budget');
  process.exit(1);
}
