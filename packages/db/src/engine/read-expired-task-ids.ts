import { and, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';

export interface ExpiryCutoffs {
  /** Failed and canceled tasks that finished at or before this go. */
  failedBefore: number;
  /** Finished tasks, unless starred, that finished at or before this go; null keeps them. */
  finishedBefore: number | null;
  /** Tasks moved to the trash at or before this go. */
  trashedBefore: number;
}

/** The tasks retention deletes now. */
export async function readExpiredTaskIds(
  { db, t }: DataSource,
  cutoffs: ExpiryCutoffs,
): Promise<string[]> {
  const { tasks } = t;
  const expired: (SQL | undefined)[] = [
    and(inArray(tasks.status, ['failed', 'canceled']), lte(tasks.finishedAt, cutoffs.failedBefore)),
    lte(tasks.deletedAt, cutoffs.trashedBefore),
  ];
  if (cutoffs.finishedBefore !== null) {
    expired.push(
      and(
        inArray(tasks.status, ['completed', 'failed', 'canceled']),
        lte(tasks.finishedAt, cutoffs.finishedBefore),
        // Starred images are kept until they are unstarred.
        isNull(tasks.starredAt),
      ),
    );
  }
  const found = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(or(...expired));
  return found.map((row) => row.id);
}
