import { and, gte, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { first, type Unit } from '../data/unit-of-work';

/** The query behind `selectSpentSince` (its query plan is tested on its own). */
export function spentSinceQuery(
  { db, t }: DataSource,
  unit: string,
  since: number,
  /** One user's spend only; everyone's when absent. */
  owner?: string,
) {
  const { tasks } = t;
  return db
    .select({
      amount: sql<number>`coalesce(sum(${tasks.actualCost}), 0)`.mapWith(Number),
    })
    .from(tasks)
    .where(
      and(
        // Spelled as `=` on the column so SQLite matches the partial spend index.
        sql`${tasks.costUnit} = ${unit}`,
        gte(tasks.finishedAt, since),
        ownedBy(tasks.owner, owner),
      ),
    );
}

/**
 * What tasks that finished at or after `since` (epoch ms) cost in `unit`, at their actual cost.
 * A unit, so the budget check reads it in the accept's transaction; the usage report awaits it.
 */
export function* selectSpentSince(
  data: DataSource,
  unit: string,
  since: number,
  owner?: string,
): Unit<number> {
  const row = yield* first(spentSinceQuery(data, unit, since, owner));
  return row?.amount ?? 0;
}

/** `selectSpentSince`, on its own. */
export function readSpentSince(
  data: DataSource,
  unit: string,
  since: number,
  owner?: string,
): Promise<number> {
  return data.run((source) => selectSpentSince(source, unit, since, owner));
}
