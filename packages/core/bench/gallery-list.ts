/**
 * The gallery query at scale: 100,000 generations in a real SQLite file, pages of 100 read
 * with a filter and a search term (and without), first pages and deep pages by cursor.
 * Target: p95 ≤ 5 ms a page on the server. Run with `pnpm bench` from the repository root.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb, createSqliteEventLog, sqliteDataSource } from '@genhub/db';
import {
  listGallery,
  FileLeases,
  LocalDiskStorage,
  ProviderRegistry,
  seedGallery,
  Signal,
  silentLogger,
  systemClock,
  TaskEventBus,
  type CoreContext,
  type GalleryQuery,
} from '../src/index';

const rows = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'genhub-bench-gallery-'));
const db = createDb(join(dir, 'genhub.sqlite'));
const storage = new LocalDiskStorage(join(dir, 'files'));
await storage.init();
const ctx: CoreContext = {
  db: db.db,
  data: sqliteDataSource(db.db),
  eventLog: createSqliteEventLog(db.db),
  bus: new TaskEventBus(),
  queueChanged: new Signal(),
  storage,
  fileLeases: new FileLeases(),
  providers: new ProviderRegistry([]),
  clock: systemClock,
  log: silentLogger,
};
const seeding = performance.now();
await seedGallery(ctx, rows);
db.sqlite.pragma('optimize');
console.log(`seeded ${rows} generations in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

async function measure(name: string, query: GalleryQuery, pages = 5, rounds = 40) {
  const times: number[] = [];
  let found = 0;
  for (let round = 0; round < rounds; round++) {
    let cursor: string | null = null;
    for (let page = 0; page < pages; page++) {
      const start = performance.now();
      const result = await listGallery(ctx, { ...query, limit: 100, cursor });
      times.push(performance.now() - start);
      found = Math.max(found, result.items.length);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  console.log(
    `${name.padEnd(44)} p50 ${at(0.5).toFixed(2)} ms  p95 ${at(0.95).toFixed(2)} ms  (${times.length} pages, ${found} items a page)`,
  );
}

await measure('newest first, no filter', {});
await measure('provider filter + search "lighthouse"', { provider: 'kie', search: 'lighthouse' });
await measure('search "赛博朋克" (Chinese, trigram)', { search: '赛博朋克' });
await measure('starred only', { starred: true });
await measure('date range (one week) + aspect ratio', {
  from: Date.now() - 14 * 86_400_000,
  to: Date.now() - 7 * 86_400_000,
  aspectRatio: '16:9',
});
await db.close();
rmSync(dir, { recursive: true, force: true });
