import { countHit, deleteExpiredHits, type DbExecutor } from '@genhub/db';
import type { HitCounter } from '../limits/hit-counter';

/** `work`'s result or error as a promise; the statement itself runs now. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}

/** The request-limit counters in the shared SQLite file. */
export function sqliteHitCounter(db: DbExecutor): HitCounter {
  return {
    count: (key, windowMs, now) => settle(() => countHit(db, key, windowMs, now)),
    deleteExpired: (now, most) => settle(() => deleteExpiredHits(db, now, most)),
  };
}
