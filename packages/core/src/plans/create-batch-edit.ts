import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { batchEditInput, unitPrice, type BatchEditInput, type PlanSummary } from '../schemas';
import { choosePlanTarget } from './choose-plan-target';
import { getPlanSummary } from './get-plan';
import { insertPlan } from './insert-plan';
import { findReference, referenceProblem, type ReferenceImageRow } from './resolve-references';

/**
 * A batch edit (seed 003): one prompt over up to 20 images, run as a plan with one edit per
 * image, so each image has its own progress, cost and retry, on any provider that edits.
 */
export async function createBatchEdit(
  ctx: CoreContext,
  input: BatchEditInput,
): Promise<PlanSummary> {
  const request = batchEditInput.parse(input);
  const target = choosePlanTarget(ctx, request);
  const references: ReferenceImageRow[] = [];
  for (const [index, id] of request.assetIds.entries()) {
    const found = await findReference(ctx.data, id, ctx.owner);
    // Seed 003 asks nothing of a batch image's size; 1 px is the floor.
    const problem = referenceProblem(found, id, 1);
    if (problem || !found)
      throw new CoreError('INVALID_INPUT', problem ?? 'missing', `assetIds.${index}`);
    references.push(found);
  }
  const price = unitPrice(target.model, 'edit');
  const amount = price ? price.amount * references.length : null;
  const budget = request.budget ?? null;
  if (budget !== null && amount !== null && amount > budget && !request.confirmOverBudget) {
    throw new CoreError(
      'CONFLICT',
      `The estimate (${amount} ${price?.unit}) is over the budget (${budget}); confirm to run it anyway`,
      'confirmOverBudget',
    );
  }
  const stamp = new Date(ctx.clock.now()).toISOString().slice(0, 16).replace(/[-:T]/g, '');
  // The monthly caps are checked against the whole estimate in the insert's transaction.
  const id = await insertPlan(
    ctx,
    target,
    {
      externalId: `batch-edit-${stamp}`,
      source: { kind: 'batch-edit', prompt: request.prompt, assetIds: request.assetIds },
      batchSize: Math.min(references.length, 10),
      maxConcurrent: request.maxConcurrent,
      retryAttempts: request.retryAttempts,
      retryDelaySeconds: 5,
      timeoutSeconds: 120,
      budget,
      estimate: { amount, unit: price?.unit ?? null },
      outputFormat: request.outputFormat,
    },
    references.map((reference, index) => ({
      itemId: `image-${String(index + 1).padStart(2, '0')}`,
      batch: 1,
      reference,
      prompt: request.prompt,
      strength: request.strength,
    })),
  );
  return getPlanSummary(ctx, id);
}
