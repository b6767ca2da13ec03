import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { PlanRow } from '../schema';
import { ownedBy } from '../data/owned-by';

/** A plan's row, if it exists and `owner` (the acting user; absent for everyone) holds it. */
export function* selectPlanRow(
  { db, t }: DataSource,
  id: string,
  owner: string | undefined,
): Unit<PlanRow | undefined> {
  const { plans } = t;
  return yield* first(
    db
      .select()
      .from(plans)
      .where(and(eq(plans.id, id), ownedBy(plans.owner, owner)))
      .limit(1),
  );
}

/** `selectPlanRow`, on its own. */
export function readPlanRow(
  data: DataSource,
  id: string,
  owner: string | undefined,
): Promise<PlanRow | undefined> {
  return data.run((source) => selectPlanRow(source, id, owner));
}
