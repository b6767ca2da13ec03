import { and, isNotNull, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { rows, type Unit } from '../data/unit-of-work';
import { byText } from './by-text';

/** The query behind `selectReserved` (its query plan is tested on its own). */
export function reservedQuery(
  { db, t }: DataSource,
  unit?: string,
  /** One user's tasks only; everyone's when absent. */
  owner?: string,
) {
  const { tasks } = t;
  return db
    .select({
      unit: sql<string>`${tasks.costUnit}`,
      amount:
        sql<number>`sum(coalesce(${tasks.estimatedCost}, 0) + coalesce(${tasks.actualCost}, 0))`.mapWith(
          Number,
        ),
    })
    .from(tasks)
    .where(
      and(
        sql`${tasks.status} in ('pending', 'processing')`,
        unit === undefined ? isNotNull(tasks.costUnit) : sql`${tasks.costUnit} = ${unit}`,
        ownedBy(tasks.owner, owner),
      ),
    )
    .groupBy(tasks.costUnit);
}

/**
 * What queued and running tasks hold, by unit, in unit order: each at its estimate plus what
 * its failed attempts were billed so far (what it will have cost if it succeeds at list price).
 * A unit, so the budget check reads it in the accept's transaction.
 */
export function* selectReserved(
  data: DataSource,
  unit?: string,
  owner?: string,
): Unit<Map<string, number>> {
  const found = yield* rows(reservedQuery(data, unit, owner));
  return new Map(found.sort((a, b) => byText(a.unit, b.unit)).map((row) => [row.unit, row.amount]));
}

/** `selectReserved`, on its own. */
export function readReserved(
  data: DataSource,
  unit?: string,
  owner?: string,
): Promise<Map<string, number>> {
  return data.run((source) => selectReserved(source, unit, owner));
}
