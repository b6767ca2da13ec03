import { and, eq, isNull } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { TaskRow } from '../schema';

export interface LeaseTakeover {
  taskId: string;
  /** The lease as it was read: taken only if it is still so. */
  from: { owner: string | null; until: number | null };
  instance: string;
  until: number;
}

/**
 * Makes a running task's lease `instance`'s, if it is still as it was read: a compare-and-set on
 * its holder and its end, so of two instances taking over the same task one gets it (on
 * PostgreSQL the second waits for the first's row, then finds the lease changed). Returns the
 * task as written, or undefined when another took it or it ended.
 */
export function* takeTaskLease(
  { db, t }: DataSource,
  { taskId, from, instance, until }: LeaseTakeover,
): Unit<TaskRow | undefined> {
  const { tasks } = t;
  return yield* first(
    db
      .update(tasks)
      .set({ leaseOwner: instance, leaseUntil: until })
      .where(
        and(
          eq(tasks.id, taskId),
          eq(tasks.status, 'processing'),
          from.owner === null ? isNull(tasks.leaseOwner) : eq(tasks.leaseOwner, from.owner),
          from.until === null ? isNull(tasks.leaseUntil) : eq(tasks.leaseUntil, from.until),
        ),
      )
      .returning(),
  );
}
