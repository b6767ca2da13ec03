import type { Env } from '../env';
import type { AppDatabase } from './app-database';
import { openPgDatabase } from './open-pg-database';
import { openSqliteDatabase } from './open-sqlite-database';

export interface AppDatabaseOptions {
  /** A PostgreSQL URL (postgres://…); absent: the embedded SQLite file in DATA_DIR. */
  databaseUrl?: string;
  /** The connection that hears the other instances failed (it reconnects by itself). */
  onListenError?: (error: unknown) => void;
}

/** Opens the database the app runs on: PostgreSQL when given its URL, else SQLite. */
export async function openAppDatabase(
  env: Pick<Env, 'dataDir' | 'CLUSTER' | 'CLUSTER_POLL_MS'>,
  options: AppDatabaseOptions = {},
): Promise<AppDatabase> {
  if (options.databaseUrl === undefined) return openSqliteDatabase(env);
  return openPgDatabase(options.databaseUrl, options.onListenError ?? (() => undefined));
}
