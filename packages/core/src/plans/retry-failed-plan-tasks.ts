import { and, eq, inArray, isNull } from 'drizzle-orm';
import { plans, tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { checkMonthlyBudget } from '../costs/check-monthly-budget';
import { CoreError } from '../errors';
import { ownsRow } from '../owners';
import type { PlanSummary } from '../schemas';
import { retryTask } from '../tasks/retry-task';
import { getPlanSummary } from './get-plan';

/**
 * Runs a plan's failed and canceled variations again (each as a new linked task of the plan),
 * and lets the plan go on; an optional new budget replaces the old one.
 */
export async function retryFailedPlanTasks(
  ctx: CoreContext,
  id: string,
  budget?: number | null,
): Promise<{ plan: PlanSummary; retried: number }> {
  const exists = ctx.db.select({ owner: plans.owner }).from(plans).where(eq(plans.id, id)).get();
  if (!exists || !ownsRow(ctx, exists.owner))
    throw new CoreError('NOT_FOUND', `Plan ${id} does not exist`, 'id');
  const failed = ctx.db
    .select({ id: tasks.id, estimate: tasks.estimatedCost, unit: tasks.costUnit })
    .from(tasks)
    .where(
      and(
        eq(tasks.planId, id),
        inArray(tasks.status, ['failed', 'canceled']),
        isNull(tasks.retriedById),
      ),
    )
    .orderBy(tasks.id)
    .all();
  // All of them or none: each retry reserves its estimate again (and checks it as it is made).
  const asked = new Map<string | null, number>();
  for (const task of failed)
    asked.set(task.unit, (asked.get(task.unit) ?? 0) + (task.estimate ?? 0));
  for (const [unit, more] of asked) checkMonthlyBudget(ctx, unit, more);
  ctx.db
    .update(plans)
    .set({
      stoppedReason: null,
      updatedAt: ctx.clock.now(),
      ...(budget === undefined ? {} : { budget }),
    })
    .where(eq(plans.id, id))
    .run();
  for (const task of failed) await retryTask(ctx, task.id);
  return { plan: await getPlanSummary(ctx, id), retried: failed.length };
}
