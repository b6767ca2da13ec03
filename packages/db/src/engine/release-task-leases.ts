import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';

/** The statement behind `releaseTaskLeases`, exposed so its plan can be checked. */
export function releaseTaskLeasesQuery({ db, t }: DataSource, instance: string, until: number) {
  const { tasks } = t;
  return db
    .update(tasks)
    .set({ leaseUntil: until })
    .where(and(eq(tasks.status, 'processing'), eq(tasks.leaseOwner, instance)));
}

/**
 * Ends every lease `instance` holds at `until` (now: a clean stop), for the other instances to
 * take its tasks over at once instead of when the leases would have run out.
 */
export function* releaseTaskLeases(
  data: DataSource,
  { instance, until }: { instance: string; until: number },
): Unit<void> {
  yield* exec(releaseTaskLeasesQuery(data, instance, until));
}
