import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';

/**
 * What queued and running tasks hold against the monthly caps, by unit: each at its
 * estimate plus what its failed attempts were billed so far (what it will have cost if it
 * succeeds at list price). They are counted as spent once they finish.
 */
export function reservedByUnfinished(
  ctx: CoreContext,
  unit?: string,
  /** One user's tasks only; everyone's when absent. */
  owner?: string,
): Map<string, number> {
  const rows = reservedQuery(ctx, unit, owner).all();
  return new Map(rows.map((row) => [row.unit, row.amount]));
}

/** The query behind `reservedByUnfinished`, exposed so its plan can be checked. */
export function reservedQuery(ctx: Pick<CoreContext, 'db'>, unit?: string, owner?: string) {
  return ctx.db
    .select({
      unit: sql<string>`${tasks.costUnit}`,
      amount: sql<number>`sum(coalesce(${tasks.estimatedCost}, 0) + coalesce(${tasks.actualCost}, 0))`,
    })
    .from(tasks)
    .where(
      and(
        sql`${tasks.status} in ('pending', 'processing')`,
        unit === undefined ? isNotNull(tasks.costUnit) : sql`${tasks.costUnit} = ${unit}`,
        owner === undefined ? undefined : eq(tasks.owner, owner),
      ),
    )
    .groupBy(tasks.costUnit);
}
