import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { plans, tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { ownerCondition } from '../owners';
import type { PlanSummary } from '../schemas';
import { cancelTask } from '../tasks/cancel-task';
import { transitionTaskNow } from '../tasks/transition-task';
import { getPlanSummary } from './get-plan';

function openTasks(ctx: CoreContext, planId: string, statuses: ('pending' | 'processing')[]) {
  return ctx.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), inArray(tasks.status, statuses)))
    .all();
}

/** Cancels a plan: nothing more of it starts, and what runs is canceled. */
export async function cancelPlan(ctx: CoreContext, id: string): Promise<PlanSummary> {
  const updated = ctx.db
    .update(plans)
    .set({ stoppedReason: 'canceled', updatedAt: ctx.clock.now() })
    .where(and(eq(plans.id, id), ownerCondition(ctx, plans.owner)))
    .run();
  if (updated.changes === 0) throw new CoreError('NOT_FOUND', `Plan ${id} does not exist`, 'id');
  for (const { id: taskId } of openTasks(ctx, id, ['pending', 'processing'])) {
    try {
      cancelTask(ctx, taskId);
    } catch (error) {
      // Finished in the meantime.
      if (!(error instanceof CoreError && error.code === 'CONFLICT')) throw error;
    }
  }
  return getPlanSummary(ctx, id);
}

/**
 * Stops a plan whose spend has reached its budget: its waiting tasks fail with
 * `budget_exceeded` (running ones finish). Returns whether it stopped the plan.
 */
export function stopPlanIfOverBudget(ctx: CoreContext, id: string): boolean {
  const plan = ctx.db.select().from(plans).where(eq(plans.id, id)).get();
  if (!plan || plan.budget === null || plan.stoppedReason !== null) return false;
  const spent =
    ctx.db
      .select({ spent: sql<number>`coalesce(sum(${tasks.actualCost}), 0)` })
      .from(tasks)
      .where(eq(tasks.planId, id))
      .get()?.spent ?? 0;
  if (spent < plan.budget) return false;
  const stopped = ctx.db
    .update(plans)
    .set({ stoppedReason: 'budget', updatedAt: ctx.clock.now() })
    .where(and(eq(plans.id, id), isNull(plans.stoppedReason)))
    .run();
  if (stopped.changes === 0) return false;
  for (const { id: taskId } of openTasks(ctx, id, ['pending'])) {
    try {
      transitionTaskNow(ctx, {
        taskId,
        type: 'failed',
        from: ['pending'],
        set: {
          status: 'failed',
          finishedAt: ctx.clock.now(),
          nextRunAt: null,
          errorCode: 'budget_exceeded',
          errorMessage:
            `The plan spent ${spent} of its ${plan.budget} ${plan.costUnit ?? ''} budget`.trim(),
          errorRetryable: false,
          errorAttempt: 0,
        },
      });
    } catch (error) {
      if (!(error instanceof CoreError && error.code === 'CONFLICT')) throw error;
    }
  }
  return true;
}

/**
 * Checks a plan's budget after each of its tasks finishes. The check runs after the event
 * has gone out to everyone (a change made inside a publish would reach some listeners first).
 */
export function watchPlanBudgets(ctx: CoreContext): () => void {
  return ctx.bus.subscribe((event) => {
    const { planId, status } = event.task;
    if (!planId || (status !== 'completed' && status !== 'failed')) return;
    setImmediate(() => {
      try {
        stopPlanIfOverBudget(ctx, planId);
      } catch (error) {
        ctx.log.error({ err: error, planId }, 'could not check the plan budget');
      }
    });
  });
}
