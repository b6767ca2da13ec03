import { and, eq, lte } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';

/** The query behind `readOverdueTasks`, exposed so its plan can be checked. */
export function overdueTasksQuery({ db, t }: DataSource, now: number) {
  const { tasks } = t;
  return db
    .select({ id: tasks.id, attempts: tasks.attempts })
    .from(tasks)
    .where(and(eq(tasks.status, 'pending'), lte(tasks.deadlineAt, now)));
}

/** Pending tasks whose deadline has come (at `now` or before), to fail rather than run late. */
export async function readOverdueTasks(
  data: DataSource,
  now: number,
): Promise<{ id: string; attempts: number }[]> {
  return overdueTasksQuery(data, now);
}
