import { and, eq, isNull } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { rows, type Unit } from '../data/unit-of-work';
import type { PlanRow } from '../schema';

export interface PlanStop {
  id: string;
  /** The acting user; absent: anyone's plan. */
  owner: string | undefined;
  reason: NonNullable<PlanRow['stoppedReason']>;
  now: number;
  /** Only a plan that has not stopped yet (a compare-and-set: of two stops, one wins). */
  unlessStopped?: boolean;
}

/**
 * Marks a plan stopped: nothing more of it starts. Returns whether it changed the row (false:
 * missing, another user's, or with `unlessStopped`, stopped already).
 */
export function* stopPlanRow(
  { db, t }: DataSource,
  { id, owner, reason, now, unlessStopped = false }: PlanStop,
): Unit<boolean> {
  const { plans } = t;
  const changed = yield* rows(
    db
      .update(plans)
      .set({ stoppedReason: reason, updatedAt: now })
      .where(
        and(
          eq(plans.id, id),
          ownedBy(plans.owner, owner),
          unlessStopped ? isNull(plans.stoppedReason) : undefined,
        ),
      )
      .returning({ id: plans.id }),
  );
  return changed.length > 0;
}
