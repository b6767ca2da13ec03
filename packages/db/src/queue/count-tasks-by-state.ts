import { count } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { TaskRow } from '../schema';
import { ownedBy } from '../data/owned-by';

export interface TaskStateCount {
  provider: string;
  status: TaskRow['status'];
  count: number;
}

/** How many tasks each provider has in each state: the user's own, or everyone's (no owner). */
export async function countTasksByState(
  { db, t }: DataSource,
  owner: string | undefined,
): Promise<TaskStateCount[]> {
  const { tasks } = t;
  return db
    .select({ provider: tasks.provider, status: tasks.status, count: count() })
    .from(tasks)
    .where(ownedBy(tasks.owner, owner))
    .groupBy(tasks.provider, tasks.status)
    .orderBy(tasks.provider, tasks.status);
}
