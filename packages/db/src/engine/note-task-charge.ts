import { and, eq, isNull } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';

export interface TaskChargeNote {
  taskId: string;
  /** The job the charge is for: kept only while the task runs that job. */
  jobId: string | null;
  amount: number;
  unit: string;
}

/**
 * Keeps on a running task what its provider said the current job cost. Not when the task no
 * longer runs, or runs another job than `jobId` (an earlier attempt's callback). True when kept.
 */
export function* noteTaskCharge(
  { db, t }: DataSource,
  { taskId, jobId, amount, unit }: TaskChargeNote,
): Unit<boolean> {
  const { tasks } = t;
  const kept = yield* rows(
    db
      .update(tasks)
      .set({ providerChargeAmount: amount, providerChargeUnit: unit })
      .where(
        and(
          eq(tasks.id, taskId),
          eq(tasks.status, 'processing'),
          jobId === null ? isNull(tasks.providerJobId) : eq(tasks.providerJobId, jobId),
        ),
      )
      .returning({ id: tasks.id }),
  );
  return kept.length > 0;
}
