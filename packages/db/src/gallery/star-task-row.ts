import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { first, type Unit } from '../data/unit-of-work';
import type { TaskRow } from '../schema';

export interface TaskStar {
  id: string;
  /** The acting user; absent: anyone's task. */
  owner: string | undefined;
  starred: boolean;
  now: number;
}

/**
 * Stars a task (or unstars it). Returns the row as written, or undefined when it already was
 * (or was not) starred, or is not the owner's. One compare-and-set: of two at once, one writes.
 */
export function* starTaskRow(
  { db, t }: DataSource,
  { id, owner, starred, now }: TaskStar,
): Unit<TaskRow | undefined> {
  const { tasks } = t;
  return yield* first(
    db
      .update(tasks)
      .set({ starredAt: starred ? now : null, updatedAt: now })
      .where(
        and(
          eq(tasks.id, id),
          ownedBy(tasks.owner, owner),
          starred ? isNull(tasks.starredAt) : isNotNull(tasks.starredAt),
        ),
      )
      .returning(),
  );
}
