import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { first, type Unit } from '../data/unit-of-work';
import type { TaskRow } from '../schema';

export interface TaskTrashing {
  id: string;
  /** The acting user; absent: anyone's task. */
  owner: string | undefined;
  /** The statuses a task may be trashed in (the finished ones). */
  statuses: readonly TaskRow['status'][];
  now: number;
}

/**
 * Moves a task to the trash. Returns the row as written, or undefined when it is in the trash
 * already, in another status, or not the owner's. One compare-and-set.
 */
export function* trashTaskRow(
  { db, t }: DataSource,
  { id, owner, statuses, now }: TaskTrashing,
): Unit<TaskRow | undefined> {
  const { tasks } = t;
  return yield* first(
    db
      .update(tasks)
      .set({ deletedAt: now, updatedAt: now })
      .where(
        and(
          eq(tasks.id, id),
          ownedBy(tasks.owner, owner),
          isNull(tasks.deletedAt),
          inArray(tasks.status, [...statuses]),
        ),
      )
      .returning(),
  );
}
