import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { createPlanInput, type PlanRequest, type PlanSummary } from '../schemas';
import { checkPlan } from './estimate-plan';
import { getPlanSummary } from './get-plan';
import { insertPlan } from './insert-plan';
import { variationPrompt } from './variation-prompt';

/**
 * Accepts a variation plan (seed 004): checks every reference and the budget before anything
 * is spent, then stores the plan and one edit task per variation in one transaction.
 */
export async function createPlan(
  ctx: CoreContext,
  input: PlanRequest & { confirmOverBudget?: boolean },
): Promise<PlanSummary> {
  const request = createPlanInput.parse(input);
  const { estimate, target, references } = await checkPlan(ctx, request);
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
  const { plan } = request;
  const exec = plan.execution_config;
  const items = plan.batches.flatMap((batch, b) =>
    batch.tasks.map((item, t) => {
      const reference = references.byItem.get(`batches.${b}.tasks.${t}`);
      if (!reference) throw new Error('a checked reference is missing');
      return {
        itemId: item.task_id,
        batch: b + 1,
        reference,
        prompt: variationPrompt(item.variation_instruction),
        strength: item.variation_instruction.nano_banana_parameters.strength,
      };
    }),
  );
  // The monthly caps are checked against the whole estimate in the insert's transaction.
  const id = await insertPlan(
    ctx,
    target,
    {
      externalId: plan.plan_id,
      source: plan,
      batchSize: exec.batch_size,
      maxConcurrent: exec.max_concurrent_requests,
      retryAttempts: exec.retry_attempts,
      retryDelaySeconds: exec.retry_delay_seconds,
      timeoutSeconds: plan.api_config.timeout_seconds,
      budget: request.budget ?? null,
      estimate,
      outputFormat: request.outputFormat,
    },
    items,
  );
  return getPlanSummary(ctx, id);
}
