import { deleteJobLeaseRow } from '@genhub/db';
import type { CoreContext } from '../context';
import type { JobLease } from './hold-job-lease';

/**
 * Gives up a job's lease if `holder` holds it (on a clean stop), so another instance takes
 * the job over at its next try instead of when the lease runs out. Resolves to whether it did.
 */
export function releaseJobLease(
  ctx: Pick<CoreContext, 'data'>,
  lease: Pick<JobLease, 'name' | 'holder'>,
): Promise<boolean> {
  return ctx.data.run((data) => deleteJobLeaseRow(data, lease));
}
