import { and, asc, desc, eq, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';

export interface OwnerHeadRequest {
  provider: string;
  owner: string;
  now: number;
  /** Tasks to pass over (a claim found them taken meanwhile). */
  skip?: readonly string[];
}

/**
 * The query behind `selectOwnerHead`, exposed so its plan can be checked: read from the front
 * of the owner's own slice of the provider's queue, in the index's order (no sort).
 */
export function ownerHeadQuery({ db, t }: DataSource, request: OwnerHeadRequest) {
  const { tasks } = t;
  const skip = request.skip ?? [];
  // How many more of the task's plan may run now (its max_concurrent less those running); null,
  // so never due, once the plan has stopped.
  const planSlots = sql`(select p.max_concurrent - (select count(*) from tasks r where r.plan_id = ${tasks.planId} and r.status = 'processing') from plans p where p.id = ${tasks.planId} and p.stopped_reason is null)`;
  return db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        eq(tasks.status, 'pending'),
        eq(tasks.provider, request.provider),
        eq(tasks.owner, request.owner),
        or(isNull(tasks.nextRunAt), lte(tasks.nextRunAt, request.now)),
        or(isNull(tasks.planId), sql`${planSlots} > 0`),
        skip.length > 0 ? notInArray(tasks.id, [...skip]) : undefined,
      ),
    )
    .orderBy(desc(tasks.priority), asc(tasks.id))
    .limit(1);
}

/**
 * The owner's task that the provider would start next: due (no backoff left), its plan (if
 * any) below its cap, then highest priority, then oldest. Undefined when none is.
 */
export function* selectOwnerHead(
  data: DataSource,
  request: OwnerHeadRequest,
): Unit<string | undefined> {
  const row = yield* first(ownerHeadQuery(data, request));
  return row?.id;
}
