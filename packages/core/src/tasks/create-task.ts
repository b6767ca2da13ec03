import { createHash, randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { taskEvents, tasks, type NewTaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { newId } from '../ids';
import {
  expectedImages,
  operationRules,
  resolveOptions,
  type AcceptedTask,
  type ValidCreateTaskInput,
} from '../schemas';
import { checkMonthlyBudget } from '../costs/check-monthly-budget';
import { estimateTaskCost } from '../costs/estimate-task-cost';
import { loadTask } from './load-task';
import { recordTaskChangeNow } from './record-task-change';
import { sqliteWork } from './sqlite-work';
import type { insertedColumns } from './task-statements';
import { taskStatements } from './task-statements';
import { validateCapabilities } from './validate-capabilities';
import { resolveAutoAspectRatio } from './resolve-auto-aspect-ratio';
import { checkUpscaleSize } from './check-upscale-size';
import { defaultMaxImagePixels } from '../ingest/check-pixel-count';
import { parentGenerationOf } from './parent-generation-of';

/** Every fallback must be able to do the same request; errors name `fallback.N.field`. */
function validateFallback(ctx: CoreContext, input: ValidCreateTaskInput): void {
  (input.fallback ?? []).forEach((next, index) => {
    try {
      const request = { ...input, provider: next.provider, model: next.model };
      validateCapabilities(
        ctx.db,
        ctx.providers,
        resolveAutoAspectRatio(ctx.db, ctx.providers, request, ctx.owner),
        ctx.owner,
      );
    } catch (error) {
      if (error instanceof CoreError) {
        throw new CoreError(
          error.code,
          `Fallback ${index + 1}: ${error.message}`,
          `fallback.${index}.${error.field ?? 'provider'}`,
        );
      }
      throw error;
    }
  });
}

/** The owner of tasks the server makes for no one in particular (and of rows from before accounts). */
const ownerOfNoOne = 'local';

function requestHash(input: ValidCreateTaskInput): string {
  const { idempotencyKey: _key, ...request } = input;
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/**
 * Accepts a request: validates it against the model, stores it as `pending`, and announces
 * it. A repeated `idempotencyKey` returns the task it first created.
 */
/** What only the engine sets: the retry link, a plan's membership and settings, the owner of a retry. */
export type TaskLinks = Pick<
  NewTaskRow,
  | 'retriedFromId'
  | 'planId'
  | 'planItemId'
  | 'planBatch'
  | 'retryDelayMs'
  | 'attemptTimeoutMs'
  | 'owner'
>;

export function createTask(
  ctx: CoreContext,
  request: ValidCreateTaskInput,
  links: TaskLinks = {},
): AcceptedTask {
  const hash = requestHash(request);
  // A retry keeps the original's owner, even when an admin asks for it.
  const owner = links.owner ?? ctx.owner ?? ownerOfNoOne;
  if (request.idempotencyKey !== undefined) {
    const existing = ctx.db
      .select({ id: tasks.id, requestHash: tasks.requestHash })
      .from(tasks)
      .where(and(eq(tasks.owner, owner), eq(tasks.idempotencyKey, request.idempotencyKey)))
      .get();
    if (existing) {
      if (existing.requestHash !== hash) {
        throw new CoreError(
          'CONFLICT',
          'This idempotencyKey was already used for a different request',
          'idempotencyKey',
        );
      }
      const task = loadTask(ctx.db, ctx.storage, existing.id);
      const created = ctx.db
        .select({ seq: taskEvents.seq })
        .from(taskEvents)
        .where(eq(taskEvents.taskId, existing.id))
        .orderBy(taskEvents.seq)
        .limit(1)
        .get();
      if (task) return { ...task, eventCursor: String(created?.seq ?? 0) };
    }
  }
  const input = resolveAutoAspectRatio(ctx.db, ctx.providers, request, ctx.owner);
  const model = validateCapabilities(ctx.db, ctx.providers, input, ctx.owner);
  validateFallback(ctx, input);
  const id = newId(ctx.clock.now());
  const options = resolveOptions(input.operation, input.options);
  const assetIds = input.assetIds ?? [];
  checkUpscaleSize(
    ctx.db,
    input.operation,
    options,
    assetIds,
    ctx.maxImagePixels ?? defaultMaxImagePixels,
  );
  const count = expectedImages(input.operation, input.count, assetIds.length, options);
  const estimate = estimateTaskCost(
    model,
    input.operation,
    input.resolution ?? model.resolutions[0],
    count,
  );
  const event = recordTaskChangeNow(ctx, {
    taskId: id,
    type: 'created',
    write: (tx, now) =>
      sqliteWork(tx, () => {
        // In the insert's transaction: queued tasks reserve their estimate, so two accepts
        // cannot both take the last room under the monthly cap.
        checkMonthlyBudget(ctx, estimate?.unit ?? null, estimate?.amount ?? 0, { owner });
        // A prepared statement on the same connection runs inside this transaction.
        const row = taskStatements(ctx.db).insertTask.get({
          id,
          status: 'pending',
          operation: input.operation,
          provider: input.provider,
          model: model.id,
          prompt: input.prompt,
          // Background removal, style transfer and enhance keep the input's shape.
          aspectRatio: operationRules[input.operation].shapedByInput ? 'auto' : input.aspectRatio,
          count,
          outputFormat: input.outputFormat,
          resolution: input.resolution ?? model.resolutions[0] ?? null,
          seed: input.seed ?? randomInt(0, 2_147_483_647),
          safety: input.safety ?? null,
          assetIds,
          options,
          priority: input.priority,
          maxAttempts: input.maxAttempts,
          timeoutSeconds: input.timeoutSeconds,
          deadlineAt: now + input.timeoutSeconds * 1000,
          owner,
          idempotencyKey: input.idempotencyKey ?? null,
          requestHash: hash,
          retriedFromId: links.retriedFromId ?? null,
          parentGenerationId: parentGenerationOf(ctx.db, ctx, assetIds),
          planId: links.planId ?? null,
          planItemId: links.planItemId ?? null,
          planBatch: links.planBatch ?? null,
          retryDelayMs: links.retryDelayMs ?? null,
          attemptTimeoutMs: links.attemptTimeoutMs ?? null,
          estimatedCost: estimate?.amount ?? null,
          costUnit: estimate?.unit ?? null,
          fallback: input.fallback ?? [],
          createdAt: now,
          updatedAt: now,
        } satisfies Record<(typeof insertedColumns)[number], unknown>);
        if (!row) throw new Error('inserting a task returned no row');
        return row;
      }),
  });
  return { ...event.task, eventCursor: String(event.seq) };
}
