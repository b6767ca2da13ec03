import type { Pool, PoolClient } from 'pg';

/** {@link deleteExpiredHits} on PostgreSQL: at most `most` ended windows; returns how many. */
export async function deleteExpiredPgHits(
  db: Pool | PoolClient,
  now: number,
  most: number,
): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM rate_limit_hits WHERE key IN (
       SELECT key FROM rate_limit_hits WHERE reset_at <= $1 LIMIT $2)`,
    [now, most],
  );
  return rowCount ?? 0;
}
