import { plans } from '@genhub/db';
import type { CoreContext } from '../context';
import { TaskEventBus } from '../events/task-event-bus';
import { newId } from '../ids';
import { nearestAspectRatio, type OutputFormat, type TaskEvent } from '../schemas';
import { createTask } from '../tasks/create-task';
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
 * Stores a plan and one edit task per item in one transaction; the tasks' events go out once
 * it has committed, so no one sees a task of a plan that is not there. Returns the plan id.
 */
export function insertPlan(
  ctx: CoreContext,
  target: PlanTarget,
  settings: PlanSettings,
  items: PlanItem[],
): string {
  const now = ctx.clock.now();
  const id = newId(now);
  const held = new TaskEventBus();
  const events: TaskEvent[] = [];
  held.subscribe((event) => events.push(event));
  const inner: CoreContext = { ...ctx, bus: held };
  const { model } = target;
  const format = model.outputFormats.includes(settings.outputFormat)
    ? settings.outputFormat
    : (model.outputFormats[0] ?? 'png');
  ctx.db.transaction(() => {
    ctx.db
      .insert(plans)
      .values({
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
        costUnit: settings.estimate.unit,
        estimate: settings.estimate.amount,
        owner: ctx.owner ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    ensureAssets(
      ctx.db,
      items.map((item) => item.reference),
      () => newId(now),
      now,
      ctx.owner ?? null,
    );
    for (const item of items) {
      const { reference } = item;
      if (!reference.assetId) throw new Error('a checked reference has no asset');
      // Keep the reference's shape where the model lets us.
      const shape = nearestAspectRatio(reference.width, reference.height);
      createTask(
        inner,
        {
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
        },
        {
          planId: id,
          planItemId: item.itemId,
          planBatch: item.batch,
          retryDelayMs: settings.retryDelaySeconds * 1000,
          attemptTimeoutMs: settings.timeoutSeconds * 1000,
        },
      );
    }
  });
  for (const event of events) ctx.bus.publish(event);
  return id;
}
