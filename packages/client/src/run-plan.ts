import type { ClientContext } from './client-context';
import { iterateSubscription } from './iterate-subscription';
import { streamEnded } from './stream-ended';
import { toGenhubError } from './to-genhub-error';
import type { CreatePlanInput, PlanSummary } from './types';

export interface RunPlanOptions {
  /** Spend cap for this plan, in the model's price unit (overrides `input.budget`). */
  budget?: number;
  /** Each change of the plan's counts, spend or status. */
  onProgress?: (summary: PlanSummary) => void;
  /** Stops waiting (rejects with ABORTED); the plan keeps running. */
  signal?: AbortSignal;
}

/**
 * Creates a variation plan and follows it until it is no longer running; resolves with its
 * final summary (completed, partial, failed, canceled or budget_stopped).
 */
export async function runPlan(
  ctx: ClientContext,
  input: CreatePlanInput,
  options: RunPlanOptions = {},
): Promise<PlanSummary> {
  const { signal, onProgress, budget } = options;
  if (signal?.aborted) throw streamEnded(signal);
  let plan: PlanSummary;
  try {
    plan = await ctx.trpc.plan.create.mutate(budget === undefined ? input : { ...input, budget }, {
      signal,
    });
  } catch (error) {
    throw toGenhubError(error);
  }
  if (plan.status !== 'running') return plan;
  // The first update is the plan as it is when the subscription opens: nothing is missed.
  const updates = iterateSubscription<PlanSummary>(
    (handlers) => ctx.trpc.plan.updates.subscribe({ id: plan.id }, handlers),
    signal,
  );
  for await (const summary of updates) {
    onProgress?.(summary);
    if (summary.status !== 'running') return summary;
  }
  throw streamEnded(signal);
}
