import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { TaskRow } from '../schema';

export interface InterruptedRowsRequest {
  now: number;
  /**
   * Only tasks whose lease has run out by `now` (or that never had one); else every running
   * task (a lone process starting: all of them were its own).
   */
  expiredOnly: boolean;
}

/** The query behind `readInterruptedRows`, exposed so its plan can be checked. */
export function interruptedRowsQuery({ db, t }: DataSource, request: InterruptedRowsRequest) {
  const { tasks } = t;
  const processing = eq(tasks.status, 'processing');
  return db
    .select()
    .from(tasks)
    .where(
      request.expiredOnly
        ? and(processing, or(isNull(tasks.leaseUntil), lte(tasks.leaseUntil, request.now)))
        : processing,
    );
}

/** Running tasks whose run may have been cut off: to take over (see `takeTaskLease`). */
export async function readInterruptedRows(
  data: DataSource,
  request: InterruptedRowsRequest,
): Promise<TaskRow[]> {
  return interruptedRowsQuery(data, request);
}
