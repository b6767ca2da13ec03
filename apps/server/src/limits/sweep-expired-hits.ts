import { deleteExpiredHits, type Db } from '@genhub/db';

/** Counters one sweep deletes at most, so a sweep never holds the write lock for long. */
const batch = 500;

/**
 * Keeps the shared counters from piling up: called after each counted hit, it deletes a
 * bounded batch of ended windows once every `everyMs`, and again at the next call while a
 * batch came back full (so deleting keeps up with however many callers come and go).
 */
export function sweepExpiredHits(db: Db, everyMs: number): (now: number) => void {
  let dueAt = 0;
  return (now) => {
    if (now < dueAt) return;
    // Set first, so a sweep that fails waits its turn rather than failing on every hit.
    dueAt = now + everyMs;
    if (deleteExpiredHits(db, now, batch) === batch) dueAt = 0;
  };
}
