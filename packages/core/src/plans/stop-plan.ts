import { readPlanRow, readPlanTasksIn, selectPlanTaskCounts, stopPlanRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { PlanSummary } from '../schemas';
import { cancelTask } from '../tasks/cancel-task';
import { transitionTask } from '../tasks/transition-task';
import { getPlanSummary } from './get-plan';

/** A task that finished meanwhile is no longer the stop's to change. */
function finishedMeanwhile(error: unknown): boolean {
  return error instanceof CoreError && error.code === 'CONFLICT';
}

/** Cancels a plan: nothing more of it starts, and what runs is canceled. */
export async function cancelPlan(ctx: CoreContext, id: string): Promise<PlanSummary> {
  const now = ctx.clock.now();
  const stopped = await ctx.data.run((data) =>
    stopPlanRow(data, { id, owner: ctx.owner, reason: 'canceled', now }),
  );
  if (!stopped) throw new CoreError('NOT_FOUND', `Plan ${id} does not exist`, 'id');
  for (const { id: taskId } of await readPlanTasksIn(ctx.data, id, ['pending', 'processing'])) {
    try {
      await cancelTask(ctx, taskId);
    } catch (error) {
      if (!finishedMeanwhile(error)) throw error;
    }
  }
  return getPlanSummary(ctx, id);
}

/**
 * Stops a plan whose spend has reached its budget: its waiting tasks fail with
 * `budget_exceeded` (running ones finish). Returns whether it stopped the plan.
 */
export async function stopPlanIfOverBudget(ctx: CoreContext, id: string): Promise<boolean> {
  const plan = await readPlanRow(ctx.data, id, undefined);
  if (!plan || plan.budget === null || plan.stoppedReason !== null) return false;
  const counts = await ctx.data.run((data) => selectPlanTaskCounts(data, [id]));
  const spent = counts.reduce((sum, count) => sum + count.spent, 0);
  if (spent < plan.budget) return false;
  const now = ctx.clock.now();
  // A compare-and-set: of two checks at once (on any instance), one stops the plan.
  const stopped = await ctx.data.run((data) =>
    stopPlanRow(data, { id, owner: undefined, reason: 'budget', now, unlessStopped: true }),
  );
  if (!stopped) return false;
  for (const { id: taskId } of await readPlanTasksIn(ctx.data, id, ['pending'])) {
    try {
      await transitionTask(ctx, {
        taskId,
        type: 'failed',
        from: ['pending'],
        at: now,
        set: {
          status: 'failed',
          finishedAt: now,
          nextRunAt: null,
          errorCode: 'budget_exceeded',
          errorMessage:
            `The plan spent ${spent} of its ${plan.budget} ${plan.costUnit ?? ''} budget`.trim(),
          errorRetryable: false,
          errorAttempt: 0,
        },
      });
    } catch (error) {
      if (!finishedMeanwhile(error)) throw error;
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
      stopPlanIfOverBudget(ctx, planId).catch((error: unknown) => {
        ctx.log.error({ err: error, planId }, 'could not check the plan budget');
      });
    });
  });
}
