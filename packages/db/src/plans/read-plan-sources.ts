import { inArray } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';

/** Plans' stored sources (the accepted JSON, or a batch edit's request), by plan id. */
export function* selectPlanSources(
  { db, t }: DataSource,
  planIds: readonly string[],
): Unit<Map<string, unknown>> {
  if (planIds.length === 0) return new Map();
  const found = yield* rows(
    db
      .select({ id: t.plans.id, source: t.plans.source })
      .from(t.plans)
      .where(inArray(t.plans.id, [...planIds])),
  );
  return new Map(found.map((row) => [row.id, row.source]));
}

/** `selectPlanSources`, on its own. */
export function readPlanSources(
  data: DataSource,
  planIds: readonly string[],
): Promise<Map<string, unknown>> {
  return data.run((source) => selectPlanSources(source, planIds));
}
