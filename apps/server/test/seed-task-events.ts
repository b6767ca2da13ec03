import { join } from 'node:path';
import {
  cancelTask,
  createLocalAdapter,
  createTask,
  createTaskInput,
  FileLeases,
  lastAssignedSeq,
  LocalDiskStorage,
  ProviderRegistry,
  Signal,
  silentLogger,
  systemClock,
  TaskEventBus,
  type CoreContext,
} from '@genhub/core';
import { createDb, createSqliteEventLog, sqliteDataSource, users } from '@genhub/db';
import { eq } from 'drizzle-orm';

/**
 * Appends `count` events to a data dir's log the way the server writes them (a task created,
 * then canceled: real snapshots, no pixels), in one transaction so a server running on the
 * same database sees them all at once; the tasks belong to the user signed up as `ownerEmail`.
 * Returns the log's newest seq.
 */
export async function seedTaskEvents(
  dataDir: string,
  count: number,
  ownerEmail: string,
): Promise<number> {
  const handle = createDb(join(dataDir, 'genhub.sqlite'));
  const owner = handle.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, ownerEmail))
    .get()?.id;
  if (!owner) {
    await handle.close();
    throw new Error(`no user ${ownerEmail} to own the seeded tasks`);
  }
  const ctx: CoreContext = {
    db: handle.db,
    owner,
    data: sqliteDataSource(handle.db),
    eventLog: createSqliteEventLog(handle.db),
    bus: new TaskEventBus(),
    queueChanged: new Signal(),
    storage: new LocalDiskStorage(join(dataDir, 'files')),
    fileLeases: new FileLeases(),
    providers: new ProviderRegistry([createLocalAdapter({ delayMs: 0 })]),
    clock: systemClock,
    log: silentLogger,
  };
  try {
    // One transaction around awaited changes: each change's own transaction nests in it (a
    // savepoint), and nothing else uses this connection meanwhile.
    handle.sqlite.exec('BEGIN IMMEDIATE');
    try {
      for (let i = 0; i < count / 2; i++) {
        const task = await createTask(ctx, createTaskInput.parse({ prompt: `seeded event ${i}` }));
        await cancelTask(ctx, task.id);
      }
      handle.sqlite.exec('COMMIT');
    } catch (error) {
      handle.sqlite.exec('ROLLBACK');
      throw error;
    }
    return await lastAssignedSeq(ctx.eventLog);
  } finally {
    await handle.close();
  }
}
