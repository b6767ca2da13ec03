import type { CoreContext } from '../context';
import { planRequest, unitPrice, type PlanEstimate, type PlanRequest } from '../schemas';
import { choosePlanTarget, type PlanTarget } from './choose-plan-target';
import { resolveReferences, type ResolvedReferences } from './resolve-references';

export interface PlanCheck {
  estimate: PlanEstimate;
  target: PlanTarget;
  references: ResolvedReferences;
}

/** Validates a plan's references and prices it at list price, before anything is spent. */
export async function checkPlan(ctx: CoreContext, input: PlanRequest): Promise<PlanCheck> {
  const request = planRequest.parse(input);
  const target = choosePlanTarget(ctx, { ...request, planModel: request.plan.api_config.model });
  const references = await resolveReferences(ctx.data, request.plan, ctx.owner);
  const tasks = request.plan.batches.reduce((n, b) => n + b.tasks.length, 0);
  const price = unitPrice(target.model, 'edit');
  const amount = price ? price.amount * tasks : null;
  const budget = request.budget ?? null;
  return {
    target,
    references,
    estimate: {
      provider: target.provider,
      model: target.model.id,
      tasks,
      amount,
      unit: price?.unit ?? null,
      budget,
      overBudget: budget !== null && amount !== null && amount > budget,
      problems: references.problems,
    },
  };
}

export async function estimatePlan(ctx: CoreContext, input: PlanRequest): Promise<PlanEstimate> {
  return (await checkPlan(ctx, input)).estimate;
}
