import { holdJobLeaseRow } from '@genhub/db';
import type { CoreContext } from '../context';

export interface JobLease {
  /** The job, one at a time across instances (`retention`, …). */
  name: string;
  /** Who asks: an instance id. */
  holder: string;
  /** How long the lease holds from now, unless renewed. */
  ms: number;
}

/**
 * Takes or renews the lease of a job that one instance at a time runs: taken when no one holds
 * it or the holder's lease has run out, renewed when it is already ours. One compare-and-set
 * statement, so two instances asking at once (on SQLite or PostgreSQL) cannot both get it.
 * Resolves to whether `holder` holds it now.
 */
export function holdJobLease(
  ctx: Pick<CoreContext, 'data' | 'clock'>,
  lease: JobLease,
): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.data.run((data) =>
    holdJobLeaseRow(data, { name: lease.name, holder: lease.holder, now, until: now + lease.ms }),
  );
}
