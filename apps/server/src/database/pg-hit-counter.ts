import { countPgHit, deleteExpiredPgHits, type PgDbHandle } from '@genhub/db/pg';
import type { HitCounter } from '../limits/hit-counter';

/** The request-limit counters in PostgreSQL. */
export function pgHitCounter(pool: PgDbHandle['pool']): HitCounter {
  return {
    count: (key, windowMs, now) => countPgHit(pool, key, windowMs, now),
    deleteExpired: (now, most) => deleteExpiredPgHits(pool, now, most),
  };
}
