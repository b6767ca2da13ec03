import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';

/** Pauses a scope of the queue (`*`, or a provider id) from `pausedAt`; already paused, it stays as it was. */
export function* insertQueuePause(
  { db, t }: DataSource,
  scope: string,
  pausedAt: number,
): Unit<void> {
  yield* exec(db.insert(t.queuePauses).values({ scope, pausedAt }).onConflictDoNothing());
}
