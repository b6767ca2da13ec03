import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noSqlite } from '@genhub/db';
import { createPgDb, createPgEventLog, pgDataSource } from '@genhub/db/pg';
import type { CoreContext } from '../context';
import { Signal } from '../events/signal';
import { TaskEventBus } from '../events/task-event-bus';
import { silentLogger } from '../log';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { ProviderRegistry } from '../providers/registry';
import { FileLeases } from '../storage/file-leases';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { fakeClock, type FakeClock } from './index';

export interface PgTestContext {
  ctx: CoreContext;
  clock: FakeClock;
  close(): Promise<void>;
}

/** A core context on the PostgreSQL database at `url` (migrated here), with a fake clock. */
export async function createPgTestContext(url: string): Promise<PgTestContext> {
  const handle = await createPgDb(url);
  const filesDir = mkdtempSync(join(tmpdir(), 'genhub-files-'));
  const storage = new LocalDiskStorage(filesDir);
  await storage.init();
  const clock = fakeClock();
  const ctx: CoreContext = {
    db: noSqlite(),
    data: pgDataSource(handle.db),
    eventLog: createPgEventLog(handle.pool),
    bus: new TaskEventBus(),
    queueChanged: new Signal(),
    storage,
    fileLeases: new FileLeases(),
    providers: new ProviderRegistry([createLocalAdapter({ delayMs: 0 })]),
    clock,
    log: silentLogger,
  };
  return {
    ctx,
    clock,
    async close() {
      await handle.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
