import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import { explainPgError } from './explain-pg-error';
import { parsePgUrl } from './parse-pg-url';
import * as schema from './schema';

export type PgDb = NodePgDatabase<typeof schema>;

export interface PgDbHandle {
  db: PgDb;
  /** The connection pool, for raw queries, LISTEN and `EXPLAIN` in tests. */
  pool: Pool;
  close: () => Promise<void>;
}

export interface PgDbOptions {
  /** Connections in the pool (10 by default). */
  max?: number;
  /** How long opening a connection may take before it fails as unreachable. */
  connectTimeoutMs?: number;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle-pg', import.meta.url));

/** One key for every instance of genhub: only one of them migrates at a time. */
const migrationLock = 4_837_201_561;

async function migrateLocked(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLock]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [migrationLock]);
    }
  } finally {
    client.release();
  }
}

/**
 * Connects to the PostgreSQL database at `url` (postgres://…) and migrates it, one instance at
 * a time. A bad URL, an unreachable server, refused credentials or a missing database is a
 * `PgDatabaseError` with one line saying which.
 */
export async function createPgDb(url: string, options: PgDbOptions = {}): Promise<PgDbHandle> {
  const target = parsePgUrl(url);
  const pool = new Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // An idle connection the server dropped: the pool discards it and the next query opens another.
  pool.on('error', () => undefined);
  try {
    await migrateLocked(pool);
  } catch (error) {
    await pool.end();
    throw explainPgError(error, target);
  }
  return { db: drizzle(pool, { schema }), pool, close: () => pool.end() };
}
