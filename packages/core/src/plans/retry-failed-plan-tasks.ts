import { readPlanRow, readPlanTasksIn, reopenPlanRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { checkMonthlyBudget } from '../costs/check-monthly-budget';
import { CoreError } from '../errors';
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
  const notFound = () => new CoreError('NOT_FOUND', `Plan ${id} does not exist`, 'id');
  if (!(await readPlanRow(ctx.data, id, ctx.owner))) throw notFound();
  const failed = await readPlanTasksIn(ctx.data, id, ['failed', 'canceled'], { notRetried: true });
  // All of them or none: each retry reserves its estimate again (and checks it as it is made).
  const asked = new Map<string | null, number>();
  for (const task of failed)
    asked.set(task.costUnit, (asked.get(task.costUnit) ?? 0) + (task.estimatedCost ?? 0));
  const now = ctx.clock.now();
  // In unit order: two such checks take the caps' locks in the same order.
  const byUnit = [...asked].sort(([a], [b]) => String(a).localeCompare(String(b)));
  await ctx.data.transact(function* (tx) {
    for (const [unit, more] of byUnit) yield* checkMonthlyBudget(ctx, tx, unit, more, {}, now);
  });
  const reopened = await ctx.data.run((data) =>
    reopenPlanRow(data, { id, owner: ctx.owner, now, budget }),
  );
  if (!reopened) throw notFound();
  for (const task of failed) await retryTask(ctx, task.id);
  return { plan: await getPlanSummary(ctx, id), retried: failed.length };
}
