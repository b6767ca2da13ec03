/**
 * Engine throughput, in process on a real SQLite file and a real files directory:
 * - queue: an instant provider answering tiny images, create → completed;
 * - ingest: 1024×1024 PNG results (hash, store, thumbnail, persist, push).
 * Run with `pnpm bench` from the repository root.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { count } from 'drizzle-orm';
import { createDb, createSqliteEventLog, sqliteDataSource, taskEvents } from '@genhub/db';
import {
  configureSharp,
  createLocalAdapter,
  createTask,
  createTaskInput,
  FileLeases,
  LocalDiskStorage,
  ProviderRegistry,
  renderPromptImage,
  Scheduler,
  Signal,
  silentLogger,
  systemClock,
  TaskEventBus,
  type CoreContext,
} from '../src/index';

configureSharp();

async function run(name: string, images: Buffer[], concurrency: number) {
  const dir = mkdtempSync(join(tmpdir(), 'genhub-bench-'));
  const db = createDb(join(dir, 'genhub.sqlite'));
  const storage = new LocalDiskStorage(join(dir, 'files'));
  await storage.init();
  const local = createLocalAdapter({ delayMs: 0 });
  let next = 0;
  const ctx: CoreContext = {
    db: db.db,
    data: sqliteDataSource(db.db),
    eventLog: createSqliteEventLog(db.db),
    bus: new TaskEventBus(),
    queueChanged: new Signal(),
    storage,
    fileLeases: new FileLeases(),
    providers: new ProviderRegistry([
      { ...local, generate: () => Promise.resolve({ images: [images[next++ % images.length]!] }) },
    ]),
    clock: systemClock,
    log: silentLogger,
  };
  const scheduler = new Scheduler(ctx, { concurrencyPerProvider: concurrency, shutdownGraceMs: 0 });
  let completed = 0;
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  ctx.bus.subscribe((event) => {
    if (event.type === 'completed' && ++completed === images.length) done();
  });
  scheduler.start();
  const input = createTaskInput.parse({ prompt: 'bench' });
  const start = performance.now();
  for (let i = 0; i < images.length; i++) await createTask(ctx, input);
  await all;
  const seconds = (performance.now() - start) / 1000;
  const events = db.db.select({ n: count() }).from(taskEvents).get()?.n ?? 0;
  await scheduler.stop();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  if (events !== images.length * 3)
    throw new Error(`expected ${images.length * 3} events, found ${events}`);
  return { name, tasks: images.length, seconds, perSecond: images.length / seconds };
}

async function distinctImages(
  n: number,
  render: (i: number) => Promise<Buffer>,
): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) out.push(await render(i));
  return out;
}

const tiny = await distinctImages(2000, (i) =>
  sharp({
    create: {
      width: 8,
      height: 8,
      channels: 3,
      background: { r: i & 255, g: (i >> 8) & 255, b: 7 },
    },
  })
    .png()
    .toBuffer(),
);
const large = await distinctImages(200, (i) =>
  renderPromptImage({
    prompt: `bench ${i}`,
    seed: i,
    index: 0,
    width: 1024,
    height: 1024,
    format: 'png',
  }),
);

const results = [
  await run('queue (instant provider, 8×8 PNG)', tiny, 16),
  await run('ingest (1024×1024 PNG)', large, 8),
];
console.log('\nEngine throughput: create → completed, every event persisted');
for (const r of results) {
  console.log(
    `${r.name.padEnd(36)} ${String(r.tasks).padStart(5)} tasks  ${r.seconds.toFixed(2)} s  ${r.perSecond.toFixed(0)} tasks/s`,
  );
}
