import { createInterface } from 'node:readline';
import { createDb } from '../src/create-db';
import { countHit } from '../src/rate-limits/count-hit';

/*
 * One of the processes of the concurrent-count test: opens the shared file, says "ready",
 * and on "go" counts `times` hits under `key` as fast as it can, then prints the counts it got.
 * Usage: node --import tsx test/count-hits-child.ts <file> <key> <times> <windowMs>
 */
const [file, key, times, windowMs] = process.argv.slice(2);
if (!file || !key || !times || !windowMs) throw new Error('usage: <file> <key> <times> <windowMs>');

const handle = createDb(file);
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) {
  if (line !== 'go') continue;
  const seen: number[] = [];
  for (let i = 0; i < Number(times); i++) {
    seen.push(countHit(handle.db, key, Number(windowMs), Date.now()).hits);
  }
  process.stdout.write(`${JSON.stringify(seen)}\n`);
  break;
}
lines.close();
await handle.close();
