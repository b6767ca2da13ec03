import { and, asc, isNotNull, lte } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';

/**
 * The ids of `owner`'s tasks (the acting user; absent: everyone's) in the trash, those trashed
 * at or before `before` when given, oldest first.
 */
export async function readTrashedTaskIds(
  { db, t }: DataSource,
  { owner, before }: { owner: string | undefined; before?: number },
): Promise<string[]> {
  const { tasks } = t;
  const found = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        isNotNull(tasks.deletedAt),
        ownedBy(tasks.owner, owner),
        before === undefined ? undefined : lte(tasks.deletedAt, before),
      ),
    )
    .orderBy(asc(tasks.id));
  return found.map((row) => row.id);
}
