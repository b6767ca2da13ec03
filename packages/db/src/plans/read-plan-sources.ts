import { inArray } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';

/** Plans' stored sources (the accepted JSON, or a batch edit's request), by plan id. */
export async function readPlanSources(
  { db, t }: DataSource,
  planIds: readonly string[],
): Promise<Map<string, unknown>> {
  if (planIds.length === 0) return new Map();
  const rows = await db
    .select({ id: t.plans.id, source: t.plans.source })
    .from(t.plans)
    .where(inArray(t.plans.id, [...planIds]));
  return new Map(rows.map((row) => [row.id, row.source]));
}
