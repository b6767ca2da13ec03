import { eq, lte, or } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';

export interface JobLeaseClaim {
  /** The job, one at a time across instances (`retention`, …). */
  name: string;
  /** Who asks: an instance id. */
  holder: string;
  now: number;
  /** Until when the lease holds, unless renewed. */
  until: number;
}

/**
 * Takes or renews a job's lease: taken when no one holds it or the holder's lease has run out
 * (`until <= now`), renewed when `holder` holds it already. Returns whether `holder` holds it
 * now. One statement, a compare-and-set: on SQLite one writer runs at a time; on PostgreSQL
 * an insert that meets the row another is writing waits for it, then tests the condition on
 * what that one wrote, so of two instances asking at once exactly one gets it.
 */
export function* holdJobLeaseRow(
  { db, t }: DataSource,
  { name, holder, now, until }: JobLeaseClaim,
): Unit<boolean> {
  const { jobLeases } = t;
  const held = yield* rows(
    db
      .insert(jobLeases)
      .values({ name, holder, until })
      .onConflictDoUpdate({
        target: jobLeases.name,
        set: { holder, until },
        setWhere: or(eq(jobLeases.holder, holder), lte(jobLeases.until, now)),
      })
      .returning({ holder: jobLeases.holder }),
  );
  return held.length > 0;
}
