import type { TaskRow } from '../schema';

/** The statuses a task may be retried from. */
export const retryableStatuses: readonly TaskRow['status'][] = ['failed', 'canceled'];

export interface RetryReservation {
  /** The task to retry. */
  id: string;
  /** Who retries it: a name no other retry uses (held in the task's lease columns). */
  holder: string;
}
