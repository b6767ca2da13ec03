import { and, eq, isNull } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import type { Charge } from '../providers/types';

/**
 * Keeps on a running task what a verified provider callback said its job cost, until the job
 * completes and the engine takes it as the actual charge. On the row, not in memory: a restart
 * between the callback and the final poll keeps it. A callback about another job than the one
 * the task runs now (an earlier attempt's) changes nothing. True when it was kept.
 */
export function noteProviderCharge(
  ctx: Pick<CoreContext, 'db'>,
  call: { taskId: string; jobId: string | null; charge: Charge },
): boolean {
  const { taskId, jobId, charge } = call;
  const result = ctx.db
    .update(tasks)
    .set({ providerChargeAmount: charge.amount, providerChargeUnit: charge.unit })
    .where(
      and(
        eq(tasks.id, taskId),
        eq(tasks.status, 'processing'),
        jobId === null ? isNull(tasks.providerJobId) : eq(tasks.providerJobId, jobId),
      ),
    )
    .run();
  return result.changes > 0;
}
