import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../create-db';

export interface HitCount {
  /** Hits counted under the key in its current window, this one included. */
  hits: number;
  /** When the current window ends (epoch ms). */
  resetAt: number;
}

/**
 * Counts one hit under `key` in the shared `rate_limit_hits` table, in one statement (so
 * processes sharing the file never lose a count): one more in the key's current window, or
 * the first of a new `windowMs`-long window when there is none or it ended at or before `now`.
 */
export function countHit(db: DbExecutor, key: string, windowMs: number, now: number): HitCount {
  const row = db.get<{ hits: number; reset_at: number }>(
    sql`INSERT INTO rate_limit_hits (key, hits, reset_at) VALUES (${key}, 1, ${now + windowMs})
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN rate_limit_hits.reset_at <= ${now} THEN 1
                      ELSE rate_limit_hits.hits + 1 END,
          reset_at = CASE WHEN rate_limit_hits.reset_at <= ${now} THEN excluded.reset_at
                          ELSE rate_limit_hits.reset_at END
        RETURNING hits, reset_at`,
  );
  return { hits: row.hits, resetAt: row.reset_at };
}
