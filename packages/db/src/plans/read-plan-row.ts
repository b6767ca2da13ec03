import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { PlanRow } from '../schema';
import { ownedBy } from '../data/owned-by';

/** A plan's row, if it exists and `owner` (the acting user; absent for everyone) holds it. */
export async function readPlanRow(
  { db, t }: DataSource,
  id: string,
  owner: string | undefined,
): Promise<PlanRow | undefined> {
  const { plans } = t;
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), ownedBy(plans.owner, owner)))
    .limit(1);
  return row;
}
