import { noteTaskCharge } from '@genhub/db';
import type { CoreContext } from '../context';
import type { Charge } from '../providers/types';

/**
 * Keeps on a running task what a verified provider callback said its job cost, until the job
 * completes and the engine takes it as the actual charge. On the row, not in memory: a restart
 * between the callback and the final poll keeps it. A callback about another job than the one
 * the task runs now (an earlier attempt's) changes nothing. True when it was kept.
 */
export function noteProviderCharge(
  ctx: Pick<CoreContext, 'data'>,
  call: { taskId: string; jobId: string | null; charge: Charge },
): Promise<boolean> {
  const { taskId, jobId, charge } = call;
  return ctx.data.run((data) =>
    noteTaskCharge(data, { taskId, jobId, amount: charge.amount, unit: charge.unit }),
  );
}
