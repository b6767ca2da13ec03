import { fileURLToPath } from 'node:url';
import type { Pool, PoolClient } from 'pg';
import { migrationsAfter } from '../pending-migrations';

const bundledMigrations = fileURLToPath(new URL('../../drizzle-pg', import.meta.url));

/** When the newest migration the database records was made, or null when none is. */
async function lastAppliedAt(db: Pool | PoolClient): Promise<number | null> {
  // Where drizzle's PostgreSQL migrator keeps its record (it makes it on the first migrate).
  const { rows: tables } = await db.query<{ name: string | null }>(
    "select to_regclass('drizzle.__drizzle_migrations')::text as name",
  );
  if (!tables[0]?.name) return null;
  const { rows } = await db.query<{ at: string | null }>(
    'select max(created_at)::text as at from drizzle.__drizzle_migrations',
  );
  const at = rows[0]?.at;
  return at === null || at === undefined ? null : Number(at);
}

/**
 * {@link pendingMigrations} on PostgreSQL: the migrations of `migrationsFolder` (`drizzle-pg/`
 * by default) the database has not applied, by tag, oldest first, by drizzle's own rule.
 */
export async function pendingPgMigrations(
  db: Pool | PoolClient,
  migrationsFolder: string = bundledMigrations,
): Promise<string[]> {
  return migrationsAfter(migrationsFolder, await lastAppliedAt(db));
}
