import { and, count, eq, inArray } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';

/** How many of a plan's tasks are still waiting or running (none: the plan has finished). */
export function* countOpenPlanTasks({ db, t }: DataSource, planId: string): Unit<number> {
  const { tasks } = t;
  const found = yield* first(
    db
      .select({ n: count() })
      .from(tasks)
      .where(and(eq(tasks.planId, planId), inArray(tasks.status, ['pending', 'processing']))),
  );
  return found?.n ?? 0;
}
