import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { basename, dirname } from 'node:path';
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

/** The database file cannot be used as it is: what is wrong with it and what to do, in one line. */
export class DatabaseFileError extends Error {
  override readonly name = 'DatabaseFileError';
}

const ownerOnly = 0o600;

/**
 * The database file and its WAL and shared-memory files are readable by their owner only,
 * whatever the umask: SQLite gives the -wal and -shm files the mode of the database file.
 */
function createOwnerOnly(path: string): void {
  closeSync(openSync(path, 'a', ownerOnly));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, ownerOnly);
  }
}

/** A failure to open or read the file at start-up, as a message naming it and the way out. */
function explain(path: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const reason = error instanceof Error ? error.message : code;
  const where = `${basename(path)} in ${dirname(path)}`;
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
    return new DatabaseFileError(
      `${where} is not a readable SQLite database (${reason}). ` +
        'Move it aside to start fresh, or restore it from a backup.',
    );
  }
  if (/^SQLITE_(CANTOPEN|READONLY|PERM|IOERR)/.test(code)) {
    return new DatabaseFileError(
      `${where} could not be opened for writing (${reason}). ` +
        'Check that the directory exists and that this user owns it and the file.',
    );
  }
  return error;
}

/** Opens the connection and brings the schema up to date, or closes it and says why not. */
function openMigrated(path: string): { sqlite: Database.Database; db: Db } {
  let sqlite: Database.Database | undefined;
  try {
    if (path !== ':memory:') createOwnerOnly(path);
    sqlite = new Database(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    return { sqlite, db };
  } catch (error) {
    sqlite?.close();
    throw explain(path, error);
  }
}

/**
 * Opens (or creates, owner-only) the SQLite file, sets the pragmas this app relies on, and
 * migrates it. A file that is not a database, or is damaged, is a `DatabaseFileError`.
 */
export function createDb(path: string): DbHandle {
  const { sqlite, db } = openMigrated(path);
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
