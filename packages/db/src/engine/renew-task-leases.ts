import { and, eq, inArray } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';

export interface LeaseRenewal {
  instance: string;
  /** The tasks the instance runs now. */
  ids: readonly string[];
  /** The leases' new end. */
  until: number;
}

/**
 * The heartbeat: extends the leases of the tasks `instance` runs now and returns those it still
 * holds (running, leased to it). A task leased to it that it no longer runs (a run that ended
 * without writing) is not in `ids`: its lease runs out, and a takeover recovers it.
 */
export function* renewTaskLeases(
  { db, t }: DataSource,
  { instance, ids, until }: LeaseRenewal,
): Unit<string[]> {
  if (ids.length === 0) return [];
  const { tasks } = t;
  const held = yield* rows(
    db
      .update(tasks)
      .set({ leaseUntil: until })
      .where(
        and(
          eq(tasks.status, 'processing'),
          eq(tasks.leaseOwner, instance),
          inArray(tasks.id, [...ids]),
        ),
      )
      .returning({ id: tasks.id }),
  );
  return held.map((row) => row.id);
}
