import { and, gte, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';

/**
 * The query behind `readSpentSince`. The synchronous budget check runs this same builder on
 * SQLite (`.get()`), so the accept path and the usage report sum spend one way.
 */
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

/** What tasks that finished at or after `since` (epoch ms) cost in `unit`, at their actual cost. */
export async function readSpentSince(
  data: DataSource,
  unit: string,
  since: number,
  owner?: string,
): Promise<number> {
  const [row] = await spentSinceQuery(data, unit, since, owner);
  return row?.amount ?? 0;
}
