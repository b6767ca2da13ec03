import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';

/**
 * Gives a job's lease up, if `holder` holds it (a clean stop), so another instance may take it
 * at once instead of waiting for it to run out. Returns whether it was `holder`'s.
 */
export function* deleteJobLeaseRow(
  { db, t }: DataSource,
  { name, holder }: { name: string; holder: string },
): Unit<boolean> {
  const { jobLeases } = t;
  const released = yield* rows(
    db
      .delete(jobLeases)
      .where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)))
      .returning({ name: jobLeases.name }),
  );
  return released.length > 0;
}
