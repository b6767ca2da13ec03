/**
 * The gallery page read through the repositories, on SQLite (a file) and on PostgreSQL (a
 * throw-away cluster from Debian's binaries), over the same 100,000 tasks with one image
 * each: the rows of a page of 100 and their details, p50 and p95 per query shape.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { startPgCluster } from '../test/start-pg-cluster';
import { createDb } from '../src/create-db';
import { sqliteDataSource, type DataSource } from '../src/data/data-source';
import type { GalleryPageRequest } from '../src/gallery/gallery-filter';
import { listGalleryRows } from '../src/gallery/list-gallery-rows';
import { createPgDb } from '../src/pg/create-pg-db';
import { pgDataSource } from '../src/pg/pg-data-source';
import { readTaskDetails } from '../src/tasks/read-task-details';

const rows = 100_000;
const t0 = sql.raw(String(1_767_225_600_000));

/** One row per number in `n`: the same tasks and images on both dialects. */
const seedTasks = (n: SQL) => sql`
  insert into tasks (id, status, operation, provider, model, prompt, aspect_ratio, count,
                     output_format, seed, created_at, updated_at, starred_at)
  select 'task-' || (1000000 + i), 'completed', 'generate',
         case i % 4 when 0 then 'kie' when 1 then 'gemini' when 2 then 'fal' else 'local' end,
         'm',
         case when i % 20 = 0 then 'a lighthouse at dusk, study ' || i
              when i % 30 = 7 then '赛博朋克 城市 夜景 ' || i
              else 'a quiet landscape, variation ' || i end,
         case i % 3 when 0 then '16:9' else '1:1' end, 1, 'png', i,
         ${t0} + i * 1000, ${t0} + i * 1000,
         case when i % 19 = 0 then ${t0} else null end
  from ${n}`;
const seedGenerations = (n: SQL) => sql`
  insert into generations (id, task_id, idx, file, thumb_file, width, height, mime, bytes,
                           sha256, created_at)
  select 'gen-' || i, 'task-' || (1000000 + i), 0, 'f' || i || '.png',
         't' || i || '.webp', 1024, 1024, 'image/png', 1000000, 'x', ${t0}
  from ${n}`;

const shapes: [string, Partial<GalleryPageRequest>][] = [
  ['newest first, no filter', {}],
  ['provider filter + search "lighthouse"', { provider: 'kie', search: 'lighthouse' }],
  ['search "赛博朋克" (Chinese)', { search: '赛博朋克' }],
  ['starred only', { starred: true }],
  ['aspect ratio 16:9, oldest first', { aspectRatio: '16:9', newest: false }],
];

async function measure(data: DataSource, request: Partial<GalleryPageRequest>) {
  const times: number[] = [];
  for (let round = 0; round < 40; round++) {
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const start = performance.now();
      const found = await listGalleryRows(data, {
        trash: false,
        newest: true,
        limit: 100,
        ...request,
        cursor,
      });
      await readTaskDetails(
        data,
        found.rows.map((row) => row.id),
      );
      times.push(performance.now() - start);
      if (!found.nextCursor) break;
      cursor = found.nextCursor;
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return `p50 ${at(0.5).toFixed(2)} ms  p95 ${at(0.95).toFixed(2)} ms`;
}

const dir = mkdtempSync(join(tmpdir(), 'genhub-gallery-bench-'));
const cluster = await startPgCluster();
const sqlite = createDb(join(dir, 'genhub.db'));
const pg = await createPgDb(cluster.url);
try {
  const seeding = performance.now();
  const numbers = sql.raw(
    `(with recursive n(i) as (select 1 union all select i + 1 from n where i < ${rows}) select i from n) as numbers`,
  );
  sqlite.db.run(seedTasks(numbers));
  sqlite.db.run(seedGenerations(numbers));
  sqlite.sqlite.pragma('optimize');
  const series = sql.raw(`generate_series(1, ${rows}) as numbers(i)`);
  await pg.db.execute(seedTasks(series));
  await pg.db.execute(seedGenerations(series));
  await pg.pool.query('analyze');
  console.log(
    `seeded ${rows} tasks on both in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );
  const sources = { SQLite: sqliteDataSource(sqlite.db), PostgreSQL: pgDataSource(pg.db) };
  for (const [name, request] of shapes) {
    for (const [dialect, data] of Object.entries(sources)) {
      console.log(`${name.padEnd(40)} ${dialect.padEnd(11)} ${await measure(data, request)}`);
    }
  }
} finally {
  await pg.close();
  await sqlite.close();
  cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
