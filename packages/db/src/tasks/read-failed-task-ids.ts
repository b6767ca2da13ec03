import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';

/**
 * The ids of `owner`'s failed tasks (the acting user; absent: everyone's) not retried yet,
 * of one provider when given, oldest first.
 */
export async function readFailedTaskIds(
  { db, t }: DataSource,
  { owner, provider }: { owner: string | undefined; provider?: string },
): Promise<string[]> {
  const { tasks } = t;
  const found = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        eq(tasks.status, 'failed'),
        isNull(tasks.retriedById),
        ownedBy(tasks.owner, owner),
        provider === undefined ? undefined : eq(tasks.provider, provider),
      ),
    )
    .orderBy(asc(tasks.id));
  return found.map((row) => row.id);
}
