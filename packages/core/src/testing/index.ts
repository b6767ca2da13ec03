import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventLog, sqliteDataSource, createTestDb, type DbHandle } from '@genhub/db';
import type { Clock } from '../clock';
import type { CoreContext } from '../context';
import { Scheduler, type SchedulerOptions } from '../engine/scheduler';
import { Signal } from '../events/signal';
import { TaskEventBus } from '../events/task-event-bus';
import { silentLogger } from '../log';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { ProviderRegistry } from '../providers/registry';
import type { ProviderAdapter } from '../providers/types';
import { FileLeases } from '../storage/file-leases';
import { LocalDiskStorage } from '../storage/local-disk-storage';

export interface FakeClock extends Clock {
  advance(ms: number): void;
}

export function fakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

export interface TestContext {
  ctx: CoreContext;
  /** The raw connection, for `EXPLAIN QUERY PLAN`. */
  sqlite: DbHandle['sqlite'];
  clock: FakeClock;
  scheduler: Scheduler;
  filesDir: string;
  close(): Promise<void>;
}

/** A core context on a migrated `:memory:` db, a temp files dir and a fake clock. */
export async function createTestContext(
  options: {
    adapters?: ProviderAdapter[];
    concurrencyPerProvider?: number;
    scheduler?: Partial<SchedulerOptions>;
    clock?: FakeClock | 'system';
    /** Another database than a fresh `:memory:` one (a file several contexts share); closed with the context. */
    db?: DbHandle;
    /** The event bus (a log-following one, say); a plain in-process one by default. */
    bus?: (db: DbHandle) => TaskEventBus;
  } = {},
): Promise<TestContext> {
  const handle = options.db ?? createTestDb();
  const filesDir = mkdtempSync(join(tmpdir(), 'genhub-files-'));
  const storage = new LocalDiskStorage(filesDir);
  await storage.init();
  const clock: FakeClock =
    options.clock === 'system'
      ? {
          now: () => Date.now(),
          advance: () => {
            throw new Error('the system clock cannot be advanced');
          },
        }
      : (options.clock ?? fakeClock());
  const ctx: CoreContext = {
    db: handle.db,
    data: sqliteDataSource(handle.db),
    eventLog: createSqliteEventLog(handle.db),
    bus: options.bus?.(handle) ?? new TaskEventBus(),
    queueChanged: new Signal(),
    storage,
    fileLeases: new FileLeases(),
    providers: new ProviderRegistry(options.adapters ?? [createLocalAdapter({ delayMs: 0 })]),
    clock,
    log: silentLogger,
  };
  const scheduler = new Scheduler(ctx, {
    concurrencyPerProvider: options.concurrencyPerProvider ?? 4,
    shutdownGraceMs: 0,
    ...options.scheduler,
  });
  return {
    ctx,
    sqlite: handle.sqlite,
    clock,
    scheduler,
    filesDir,
    async close() {
      await scheduler.stop();
      await handle.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
export { gate } from './gate';
export { scriptedAdapter, type Injected } from './fake-adapter';
export { until } from './until';
export { fakeAsyncAdapter } from './fake-async-adapter';

export { meteredAdapter } from './metered-adapter';
export { seedExpressionPlan, seedTurnPlan } from './seed-plans';
export { pngBomb } from './png-bomb';
export { testClip } from './test-clip';
export { queryPlan } from './query-plan';
