import { eq, lte, or, sql } from 'drizzle-orm';
import { jobLeases } from '@genhub/db';
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
 * it or the holder's lease has run out, renewed when it is already ours. One statement, so two
 * instances asking at once cannot both get it. Returns whether `holder` holds it now.
 */
export function holdJobLease(ctx: Pick<CoreContext, 'db' | 'clock'>, lease: JobLease): boolean {
  const now = ctx.clock.now();
  const held = ctx.db
    .insert(jobLeases)
    .values({ name: lease.name, holder: lease.holder, until: now + lease.ms })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { holder: sql`excluded.holder`, until: sql`excluded.until` },
      setWhere: or(eq(jobLeases.holder, lease.holder), lte(jobLeases.until, now)),
    })
    .returning({ holder: jobLeases.holder })
    .all();
  return held.length > 0;
}
