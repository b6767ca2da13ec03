import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { TaskRow } from '../schema';
import { retryableStatuses, type RetryReservation } from './retry-reservation';

/**
 * Links a task reserved by `reserveRetryRow` to its retry, `retryId`, and ends the reservation.
 * Returns the row as written, or undefined when the reservation is no longer `holder`'s (it
 * ran out and another retry took the task) or the task is gone.
 */
export function* linkRetryRow(
  { db, t }: DataSource,
  { id, holder, retryId, now }: RetryReservation & { retryId: string; now: number },
): Unit<TaskRow | undefined> {
  const { tasks } = t;
  return yield* first(
    db
      .update(tasks)
      .set({ retriedById: retryId, leaseOwner: null, leaseUntil: null, updatedAt: now })
      .where(
        and(
          eq(tasks.id, id),
          eq(tasks.leaseOwner, holder),
          inArray(tasks.status, [...retryableStatuses]),
          isNull(tasks.retriedById),
        ),
      )
      .returning(),
  );
}
