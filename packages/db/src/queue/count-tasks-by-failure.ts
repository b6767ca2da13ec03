import { count } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import type { TaskRow } from '../schema';

export interface TaskFailureCount {
  provider: string;
  status: TaskRow['status'];
  /** The code of the task's last failure (final when failed, the retry's cause when pending); null when none. */
  failureClass: string | null;
  count: number;
}

/**
 * How many tasks each provider has in each state, by the class of their last failure: the
 * user's own, or everyone's (no owner). Ordered by provider, state, then failure class.
 */
export async function countTasksByFailure(
  { db, t }: DataSource,
  owner: string | undefined,
): Promise<TaskFailureCount[]> {
  const { tasks } = t;
  const rows = await db
    .select({
      provider: tasks.provider,
      status: tasks.status,
      failureClass: tasks.errorCode,
      count: count(),
    })
    .from(tasks)
    .where(ownedBy(tasks.owner, owner))
    .groupBy(tasks.provider, tasks.status, tasks.errorCode);
  // Sorted here: the dialects place nulls differently, and compare text by different collations.
  return rows.sort(
    (a, b) =>
      compare(a.provider, b.provider) ||
      compare(a.status, b.status) ||
      compare(a.failureClass ?? '', b.failureClass ?? ''),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
