import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../create-db';

/**
 * Deletes up to `most` counters of `rate_limit_hits` whose window ended at or before `now`
 * (by the `reset_at` index, so a sweep costs what it deletes). Returns how many went: `most`
 * means more may be left.
 */
export function deleteExpiredHits(db: DbExecutor, now: number, most: number): number {
  const { changes } = db.run(
    sql`DELETE FROM rate_limit_hits WHERE key IN (
          SELECT key FROM rate_limit_hits WHERE reset_at <= ${now} LIMIT ${most})`,
  );
  return changes;
}
