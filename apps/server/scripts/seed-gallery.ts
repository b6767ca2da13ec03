// `pnpm seed:gallery 10000`: fills the dev database (DATA_DIR, default ./data where the command
// was run) with real small images, to try the gallery at scale.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDb, createSqliteEventLog, sqliteDataSource } from '@genhub/db';
import {
  FileLeases,
  LocalDiskStorage,
  ProviderRegistry,
  seedGallery,
  silentLogger,
  Signal,
  TaskEventBus,
} from '@genhub/core';

const count = Number(process.argv[2] ?? 10_000);
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
  console.error('Usage: pnpm seed:gallery <count, 1 to 1000000>');
  process.exit(2);
}
const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), process.env.DATA_DIR ?? 'data');
mkdirSync(dataDir, { recursive: true });
const handle = createDb(resolve(dataDir, 'genhub.sqlite'));
const storage = new LocalDiskStorage(resolve(dataDir, 'files'));
await storage.init();
const started = Date.now();
await seedGallery(
  {
    db: handle.db,
    data: sqliteDataSource(handle.db),
    eventLog: createSqliteEventLog(handle.db),
    bus: new TaskEventBus(),
    queueChanged: new Signal(),
    storage,
    fileLeases: new FileLeases(),
    providers: new ProviderRegistry([]),
    clock: { now: () => Date.now() },
    log: silentLogger,
  },
  count,
);
await handle.close();
console.log(`Seeded ${count} generations into ${dataDir} in ${Date.now() - started} ms`);
