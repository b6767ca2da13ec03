import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { TaskRow } from '../schema';

export interface PlanTaskCost {
  id: string;
  estimatedCost: number | null;
  costUnit: string | null;
}

/**
 * A plan's tasks in `statuses`, in plan order, with what each was estimated to cost; only those
 * not retried yet with `notRetried`. The caller has checked the plan is the acting user's.
 */
export async function readPlanTasksIn(
  { db, t }: DataSource,
  planId: string,
  statuses: readonly TaskRow['status'][],
  { notRetried = false }: { notRetried?: boolean } = {},
): Promise<PlanTaskCost[]> {
  const { tasks } = t;
  return db
    .select({ id: tasks.id, estimatedCost: tasks.estimatedCost, costUnit: tasks.costUnit })
    .from(tasks)
    .where(
      and(
        eq(tasks.planId, planId),
        inArray(tasks.status, [...statuses]),
        notRetried ? isNull(tasks.retriedById) : undefined,
      ),
    )
    .orderBy(asc(tasks.id));
}
