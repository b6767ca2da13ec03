import { join } from 'node:path';
import {
  createDb,
  createSqliteEventLog,
  createSqliteNoticeBoard,
  pendingMigrations,
  pingDatabase,
  sqliteDataSource,
} from '@genhub/db';
import type { Env } from '../env';
import type { AppDatabase } from './app-database';
import { sqliteHitCounter } from './sqlite-hit-counter';

/**
 * The embedded SQLite file in DATA_DIR. With `CLUSTER=true` other processes on this host share
 * it; SQLite tells them nothing, so they look for each other's changes every CLUSTER_POLL_MS.
 */
export function openSqliteDatabase(
  env: Pick<Env, 'dataDir' | 'CLUSTER' | 'CLUSTER_POLL_MS'>,
): AppDatabase {
  const handle = createDb(join(env.dataDir, 'genhub.sqlite'));
  const { db } = handle;
  return {
    dialect: 'sqlite',
    data: sqliteDataSource(db),
    eventLog: createSqliteEventLog(db),
    db,
    clustered: env.CLUSTER,
    link: env.CLUSTER
      ? {
          board: createSqliteNoticeBoard(db),
          onWake: () => () => undefined,
          pollMs: env.CLUSTER_POLL_MS,
        }
      : null,
    hits: sqliteHitCounter(db),
    probes: { ping: () => pingDatabase(db), pendingMigrations: () => pendingMigrations(db) },
    close: () => handle.close(),
  };
}
