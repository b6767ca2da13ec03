import { and, eq, isNotNull } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { first, type Unit } from '../data/unit-of-work';
import type { TaskRow } from '../schema';

/**
 * Takes a task out of the trash. Returns the row as written, or undefined when it is not in
 * the trash or not `owner`'s (the acting user; absent: anyone's). One compare-and-set.
 */
export function* restoreTaskRow(
  { db, t }: DataSource,
  { id, owner, now }: { id: string; owner: string | undefined; now: number },
): Unit<TaskRow | undefined> {
  const { tasks } = t;
  return yield* first(
    db
      .update(tasks)
      .set({ deletedAt: null, updatedAt: now })
      .where(and(eq(tasks.id, id), ownedBy(tasks.owner, owner), isNotNull(tasks.deletedAt)))
      .returning(),
  );
}
