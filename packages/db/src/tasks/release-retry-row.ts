import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';
import type { RetryReservation } from './retry-reservation';

/** Ends `holder`'s reservation of a task for a retry that made nothing. Returns whether it held it. */
export function* releaseRetryRow(
  { db, t }: DataSource,
  { id, holder }: RetryReservation,
): Unit<boolean> {
  const { tasks } = t;
  const released = yield* rows(
    db
      .update(tasks)
      .set({ leaseOwner: null, leaseUntil: null })
      .where(and(eq(tasks.id, id), eq(tasks.leaseOwner, holder)))
      .returning({ id: tasks.id }),
  );
  return released.length > 0;
}
