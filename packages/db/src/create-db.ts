import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { startBackgroundCheckpoints } from './background-checkpoints';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
/** The database or an open transaction on it. */
export type DbExecutor = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

export interface DbHandle {
  db: Db;
  /** The raw connection, for pragmas and `EXPLAIN QUERY PLAN` in tests. */
  sqlite: Database.Database;
  close: () => Promise<void>;
}

/** Pages of WAL after which a write checkpoints itself, should the background checkpointer lag. */
const fallbackCheckpointPages = 10_000;

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/** Opens (or creates) the SQLite file, sets the pragmas this app relies on, and migrates it. */
export function createDb(path: string): DbHandle {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  if (path === ':memory:') {
    return {
      db,
      sqlite,
      close: () => {
        sqlite.close();
        return Promise.resolve();
      },
    };
  }

  sqlite.pragma(`wal_autocheckpoint = ${fallbackCheckpointPages}`);
  const checkpointer = startBackgroundCheckpoints(path, 1000);
  return {
    db,
    sqlite,
    close: async () => {
      await checkpointer.stop();
      sqlite.close();
    },
  };
}

/** A migrated in-memory database for tests. */
export function createTestDb(): DbHandle {
  return createDb(':memory:');
}
