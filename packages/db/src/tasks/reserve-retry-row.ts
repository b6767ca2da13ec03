import { and, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { first, type Unit } from '../data/unit-of-work';
import type { TaskRow } from '../schema';
import { retryableStatuses, type RetryReservation } from './retry-reservation';

export interface RetryReservationRequest extends RetryReservation {
  /** The acting user; absent: anyone's task. */
  owner: string | undefined;
  now: number;
  /** Until when the reservation holds, if its holder never links nor releases it (it died). */
  until: number;
}

/**
 * Reserves a failed or canceled task, not retried yet, for one retry: the retry creates its new
 * task between this and `linkRetryRow`, outside any transaction, so two retries of one task
 * must not both get that far. A finished task runs on no instance, so its lease columns are
 * free to hold the reservation. One compare-and-set (on PostgreSQL the second of two updates
 * waits for the first, then finds the row taken). Returns the task's row, or undefined when it
 * is missing, not the owner's, not retryable, retried, or reserved by a retry under way.
 */
export function* reserveRetryRow(
  { db, t }: DataSource,
  { id, holder, owner, now, until }: RetryReservationRequest,
): Unit<TaskRow | undefined> {
  const { tasks } = t;
  return yield* first(
    db
      .update(tasks)
      .set({ leaseOwner: holder, leaseUntil: until })
      .where(
        and(
          eq(tasks.id, id),
          ownedBy(tasks.owner, owner),
          inArray(tasks.status, [...retryableStatuses]),
          isNull(tasks.retriedById),
          or(isNull(tasks.leaseOwner), isNull(tasks.leaseUntil), lte(tasks.leaseUntil, now)),
        ),
      )
      .returning(),
  );
}
