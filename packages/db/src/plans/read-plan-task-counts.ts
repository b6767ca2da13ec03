import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';
import type { TaskRow } from '../schema';

export interface PlanTaskCount {
  planId: string;
  status: TaskRow['status'];
  /** Its tasks in this status, a variation tried again counted once (as its latest try). */
  count: number;
  /** What all its tasks in this status cost, retried ones included, in the plan's unit. */
  spent: number;
}

/** Plans' task counts and spend by status, in one grouped query. */
export function* selectPlanTaskCounts(
  { db, t }: DataSource,
  planIds: readonly string[],
): Unit<PlanTaskCount[]> {
  if (planIds.length === 0) return [];
  const { tasks } = t;
  const counted = yield* rows(
    db
      .select({
        planId: tasks.planId,
        status: tasks.status,
        count: sql<number>`count(*) filter (where ${tasks.retriedById} is null)`.mapWith(Number),
        spent: sql<number>`coalesce(sum(${tasks.actualCost}), 0)`.mapWith(Number),
      })
      .from(tasks)
      .where(and(isNotNull(tasks.planId), inArray(tasks.planId, [...planIds])))
      .groupBy(tasks.planId, tasks.status),
  );
  return counted.flatMap(({ planId, ...row }) => (planId === null ? [] : [{ planId, ...row }]));
}

/** `selectPlanTaskCounts`, on its own. */
export function readPlanTaskCounts(
  data: DataSource,
  planIds: readonly string[],
): Promise<PlanTaskCount[]> {
  return data.run((source) => selectPlanTaskCounts(source, planIds));
}
