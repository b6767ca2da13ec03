import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { rows, type Unit } from '../data/unit-of-work';

export interface PlanReopening {
  id: string;
  /** The acting user; absent: anyone's plan. */
  owner: string | undefined;
  now: number;
  /** A new budget (null: none); absent keeps the old one. */
  budget?: number | null;
}

/** Lets a stopped plan go on, with a new budget if given. Returns whether the plan was there. */
export function* reopenPlanRow(
  { db, t }: DataSource,
  { id, owner, now, budget }: PlanReopening,
): Unit<boolean> {
  const { plans } = t;
  const changed = yield* rows(
    db
      .update(plans)
      .set({ stoppedReason: null, updatedAt: now, ...(budget === undefined ? {} : { budget }) })
      .where(and(eq(plans.id, id), ownedBy(plans.owner, owner)))
      .returning({ id: plans.id }),
  );
  return changed.length > 0;
}
