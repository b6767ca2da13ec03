import type { Pool, PoolClient } from 'pg';
import type { HitCount } from './count-hit';

/**
 * {@link countHit} on PostgreSQL: one upsert, which takes the key's row lock, so instances
 * counting under one key at once each get their own count.
 */
export async function countPgHit(
  db: Pool | PoolClient,
  key: string,
  windowMs: number,
  now: number,
): Promise<HitCount> {
  const { rows } = await db.query<{ hits: number; reset_at: string }>(
    `INSERT INTO rate_limit_hits (key, hits, reset_at) VALUES ($1, 1, $2 + $3::bigint)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN rate_limit_hits.reset_at <= $2 THEN 1
                   ELSE rate_limit_hits.hits + 1 END,
       reset_at = CASE WHEN rate_limit_hits.reset_at <= $2 THEN excluded.reset_at
                       ELSE rate_limit_hits.reset_at END
     RETURNING hits, reset_at`,
    [key, now, windowMs],
  );
  const row = rows[0];
  if (!row) throw new Error('counting a rate-limit hit returned no row');
  // bigint columns come back as text.
  return { hits: row.hits, resetAt: Number(row.reset_at) };
}
