import { insertPlanRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { checkMonthlyBudget } from '../costs/check-monthly-budget';
import { newId } from '../ids';
import {
  nearestAspectRatio,
  type OutputFormat,
  type TaskEvent,
  type ValidCreateTaskInput,
} from '../schemas';
import { acceptTask, ownerOfNoOne } from '../tasks/accept-task';
import { requestHash } from '../tasks/request-hash';
import { changeTask } from '../tasks/record-task-change';
import type { PlanTarget } from './choose-plan-target';
import { ensureAssets, type ReferenceImageRow } from './resolve-references';

/** A plan task may wait in the queue behind the plan's own concurrency cap for this long. */
const planTaskDeadlineSeconds = 86_400;

export interface PlanSettings {
  externalId: string;
  source: unknown;
  batchSize: number;
  maxConcurrent: number;
  retryAttempts: number;
  retryDelaySeconds: number;
  timeoutSeconds: number;
  budget: number | null;
  estimate: { amount: number | null; unit: string | null };
  outputFormat: OutputFormat;
}

/** One edit of one reference image: a variation, or one image of a batch edit. */
export interface PlanItem {
  itemId: string;
  batch: number;
  reference: ReferenceImageRow;
  prompt: string;
  strength: number;
}

/**
 * Stores a plan and one edit task per item in one transaction, after checking its whole
 * estimate against the monthly caps in it; the tasks' events go out once it has committed, so
 * no one sees a task of a plan that is not there. Returns the plan id.
 */
export async function insertPlan(
  ctx: CoreContext,
  target: PlanTarget,
  settings: PlanSettings,
  items: PlanItem[],
): Promise<string> {
  const now = ctx.clock.now();
  const id = newId(now);
  const owner = ctx.owner ?? null;
  const { model } = target;
  const format = model.outputFormats.includes(settings.outputFormat)
    ? settings.outputFormat
    : (model.outputFormats[0] ?? 'png');
  const events = await ctx.data.transact(function* (tx) {
    const { unit, amount } = settings.estimate;
    yield* checkMonthlyBudget(ctx, tx, unit, amount ?? 0, {}, now);
    yield* insertPlanRow(tx, {
      id,
      externalId: settings.externalId,
      provider: target.provider,
      model: model.id,
      source: settings.source,
      batchSize: settings.batchSize,
      maxConcurrent: settings.maxConcurrent,
      retryAttempts: settings.retryAttempts,
      retryDelaySeconds: settings.retryDelaySeconds,
      timeoutSeconds: settings.timeoutSeconds,
      budget: settings.budget,
      costUnit: unit,
      estimate: amount,
      owner,
      createdAt: now,
      updatedAt: now,
    });
    yield* ensureAssets(
      tx,
      items.map((item) => item.reference),
      () => newId(now),
      now,
      owner,
    );
    const made: TaskEvent[] = [];
    for (const item of items) {
      const { reference } = item;
      if (!reference.assetId) throw new Error('a checked reference has no asset');
      // Keep the reference's shape where the model lets us.
      const shape = nearestAspectRatio(reference.width, reference.height);
      const request: ValidCreateTaskInput = {
        operation: 'edit',
        prompt: item.prompt,
        aspectRatio: model.aspectRatios.includes('auto')
          ? 'auto'
          : model.aspectRatios.includes(shape)
            ? shape
            : (model.aspectRatios[0] ?? '1:1'),
        count: 1,
        outputFormat: format,
        provider: target.provider,
        model: model.id,
        assetIds: [reference.assetId],
        options: { strength: item.strength },
        priority: 0,
        // retry_attempts counts retries; maxAttempts counts tries.
        maxAttempts: settings.retryAttempts + 1,
        timeoutSeconds: planTaskDeadlineSeconds,
      };
      const links = {
        planId: id,
        planItemId: item.itemId,
        planBatch: item.batch,
        retryDelayMs: settings.retryDelaySeconds * 1000,
        attemptTimeoutMs: settings.timeoutSeconds * 1000,
      };
      const identity = {
        id: newId(now),
        owner: owner ?? ownerOfNoOne,
        requestHash: requestHash(request),
      };
      made.push(
        yield* changeTask(
          ctx,
          tx,
          {
            taskId: identity.id,
            type: 'created',
            write: (inner, at) => acceptTask(ctx, inner, request, links, identity, at),
          },
          now,
        ),
      );
    }
    return made;
  });
  for (const event of events) ctx.bus.publish(event);
  return id;
}
