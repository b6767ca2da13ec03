import { asc, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { TaskRow } from '../schema';

/**
 * A plan's tasks in plan order (their ids are time-ordered), retried ones included. The
 * caller has checked the plan is the acting user's: its tasks are too.
 */
export async function readPlanTaskRows({ db, t }: DataSource, planId: string): Promise<TaskRow[]> {
  const { tasks } = t;
  return db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.id));
}
