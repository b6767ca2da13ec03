import type { HitCounter } from './hit-counter';

/** Counters one sweep deletes at most, so a sweep never holds the write lock for long. */
const batch = 500;

/**
 * Keeps the shared counters from piling up: called after each counted hit, it deletes a
 * bounded batch of ended windows once every `everyMs`, and again at the next call while a
 * batch came back full (so deleting keeps up with however many callers come and go).
 */
export function sweepExpiredHits(
  hits: HitCounter,
  everyMs: number,
): (now: number) => Promise<void> {
  let dueAt = 0;
  return async (now) => {
    if (now < dueAt) return;
    // Set first, so a sweep that fails waits its turn rather than failing on every hit, and
    // hits that come while it runs start no other.
    dueAt = now + everyMs;
    if ((await hits.deleteExpired(now, batch)) === batch) dueAt = 0;
  };
}
