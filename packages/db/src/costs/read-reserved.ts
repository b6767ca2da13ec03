import { and, isNotNull, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { byText } from './by-text';
import { ownedBy } from '../data/owned-by';

/**
 * The query behind `readReserved`. The synchronous budget check runs this same builder on
 * SQLite (`.all()`).
 */
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

/** Rows of `reservedQuery` by unit, in unit order. */
export const reservedByUnit = (rows: readonly { unit: string; amount: number }[]) =>
  new Map([...rows].sort((a, b) => byText(a.unit, b.unit)).map((row) => [row.unit, row.amount]));

/**
 * What queued and running tasks hold, by unit: each at its estimate plus what its failed
 * attempts were billed so far (what it will have cost if it succeeds at list price).
 */
export async function readReserved(
  data: DataSource,
  unit?: string,
  owner?: string,
): Promise<Map<string, number>> {
  return reservedByUnit(await reservedQuery(data, unit, owner));
}
