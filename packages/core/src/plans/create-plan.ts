import { plans } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { TaskEventBus } from '../events/task-event-bus';
import { checkMonthlyBudget } from '../costs/check-monthly-budget';
import { newId } from '../ids';
import {
  createPlanInput,
  nearestAspectRatio,
  type PlanRequest,
  type PlanSummary,
  type TaskEvent,
} from '../schemas';
import { createTask } from '../tasks/create-task';
import { checkPlan } from './estimate-plan';
import { getPlanSummary } from './get-plan';
import { ensureAssets } from './resolve-references';
import { variationPrompt } from './variation-prompt';

/** A plan task may wait in the queue behind the plan's own concurrency cap for this long. */
const planTaskDeadlineSeconds = 86_400;

/**
 * Accepts a variation plan (seed 004): checks every reference and the budget before anything
 * is spent, then stores the plan and one edit task per variation in one transaction.
 */
export function createPlan(
  ctx: CoreContext,
  input: PlanRequest & { confirmOverBudget?: boolean },
): PlanSummary {
  const request = createPlanInput.parse(input);
  const { estimate, target, references } = checkPlan(ctx, request);
  const [first] = estimate.problems;
  if (first) {
    throw new CoreError(
      'INVALID_INPUT',
      estimate.problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      `plan.${first.path}`,
    );
  }
  if (estimate.overBudget && !request.confirmOverBudget) {
    throw new CoreError(
      'CONFLICT',
      `The estimate (${estimate.amount} ${estimate.unit}) is over the plan's budget (${estimate.budget}); confirm to run it anyway`,
      'confirmOverBudget',
    );
  }
  checkMonthlyBudget(ctx, estimate.unit, estimate.amount ?? 0);
  const { plan } = request;
  const exec = plan.execution_config;
  const now = ctx.clock.now();
  const id = newId(now);
  // Task events wait for the whole plan to commit, so no one sees a task of a plan that is not there.
  const held = new TaskEventBus();
  const events: TaskEvent[] = [];
  held.subscribe((event) => events.push(event));
  const inner: CoreContext = { ...ctx, bus: held };
  ctx.db.transaction(() => {
    ctx.db
      .insert(plans)
      .values({
        id,
        externalId: plan.plan_id,
        provider: target.provider,
        model: target.model.id,
        source: plan,
        batchSize: exec.batch_size,
        maxConcurrent: exec.max_concurrent_requests,
        retryAttempts: exec.retry_attempts,
        retryDelaySeconds: exec.retry_delay_seconds,
        timeoutSeconds: plan.api_config.timeout_seconds,
        budget: request.budget ?? null,
        costUnit: estimate.unit,
        estimate: estimate.amount,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    ensureAssets(ctx.db, references.byItem.values(), () => newId(now), now);
    plan.batches.forEach((batch, b) =>
      batch.tasks.forEach((item, t) => {
        const reference = references.byItem.get(`batches.${b}.tasks.${t}`);
        if (!reference?.assetId) throw new Error('a checked reference has no asset');
        const shape = nearestAspectRatio(reference.width, reference.height);
        createTask(
          inner,
          {
            operation: 'edit',
            prompt: variationPrompt(item.variation_instruction),
            aspectRatio: target.model.aspectRatios.includes('auto')
              ? 'auto'
              : target.model.aspectRatios.includes(shape)
                ? shape
                : (target.model.aspectRatios[0] ?? '1:1'),
            count: 1,
            outputFormat: target.model.outputFormats.includes(request.outputFormat)
              ? request.outputFormat
              : (target.model.outputFormats[0] ?? 'png'),
            provider: target.provider,
            model: target.model.id,
            assetIds: [reference.assetId],
            options: { strength: item.variation_instruction.nano_banana_parameters.strength },
            priority: 0,
            // retry_attempts counts retries; maxAttempts counts tries.
            maxAttempts: exec.retry_attempts + 1,
            timeoutSeconds: planTaskDeadlineSeconds,
          },
          {
            planId: id,
            planItemId: item.task_id,
            planBatch: b + 1,
            retryDelayMs: exec.retry_delay_seconds * 1000,
            attemptTimeoutMs: plan.api_config.timeout_seconds * 1000,
          },
        );
      }),
    );
  });
  for (const event of events) ctx.bus.publish(event);
  return getPlanSummary(ctx, id);
}
