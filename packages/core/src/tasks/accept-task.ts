import { randomInt } from 'node:crypto';
import {
  insertTaskRow,
  type DataSource,
  type NewTaskRow,
  type TaskRow,
  type Unit,
} from '@genhub/db';
import type { CoreContext } from '../context';
import { checkMonthlyBudget } from '../costs/check-monthly-budget';
import { estimateTaskCost } from '../costs/estimate-task-cost';
import { CoreError } from '../errors';
import { defaultMaxImagePixels } from '../ingest/check-pixel-count';
import {
  expectedImages,
  operationRules,
  resolveOptions,
  type ValidCreateTaskInput,
} from '../schemas';
import { checkUpscaleSize } from './check-upscale-size';
import { parentGenerationOf } from './parent-generation-of';
import { resolveAutoAspectRatio } from './resolve-auto-aspect-ratio';
import { validateCapabilities } from './validate-capabilities';

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

/** The owner of tasks the server makes for no one in particular (and of rows from before accounts). */
export const ownerOfNoOne = 'local';

/** Who a new task is, beyond its request: its id, owner and the request's hash. */
export interface NewTaskIdentity {
  id: string;
  owner: string;
  requestHash: string;
}

/** Every fallback must be able to do the same request; errors name `fallback.N.field`. */
function* validateFallback(
  ctx: CoreContext,
  tx: DataSource,
  input: ValidCreateTaskInput,
): Unit<void> {
  for (const [index, next] of (input.fallback ?? []).entries()) {
    try {
      const request = { ...input, provider: next.provider, model: next.model };
      const placed = yield* resolveAutoAspectRatio(tx, ctx.providers, request, ctx.owner);
      yield* validateCapabilities(tx, ctx.providers, placed, ctx.owner);
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
  }
}

/**
 * Accepts a request as a unit of the transaction that stores it: validates it against the
 * model and its reference images, reserves its estimate under the monthly caps, and inserts it
 * as `pending`. Everything it reads is read in that transaction, so a plan's tasks see the
 * image rows the plan made for them, and the budget's lock is held until the task commits.
 */
export function* acceptTask(
  ctx: CoreContext,
  tx: DataSource,
  request: ValidCreateTaskInput,
  links: TaskLinks,
  identity: NewTaskIdentity,
  now: number,
): Unit<TaskRow> {
  const input = yield* resolveAutoAspectRatio(tx, ctx.providers, request, ctx.owner);
  const model = yield* validateCapabilities(tx, ctx.providers, input, ctx.owner);
  yield* validateFallback(ctx, tx, input);
  const options = resolveOptions(input.operation, input.options);
  const assetIds = input.assetIds ?? [];
  yield* checkUpscaleSize(
    tx,
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
  // Queued tasks reserve their estimate: checked here, before the insert, with the cap's lock
  // held until this transaction ends, so two accepts cannot both take the last room.
  yield* checkMonthlyBudget(
    ctx,
    tx,
    estimate?.unit ?? null,
    estimate?.amount ?? 0,
    { owner: identity.owner },
    now,
  );
  return yield* insertTaskRow(tx, {
    id: identity.id,
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
    owner: identity.owner,
    idempotencyKey: input.idempotencyKey ?? null,
    requestHash: identity.requestHash,
    retriedFromId: links.retriedFromId ?? null,
    parentGenerationId: yield* parentGenerationOf(tx, ctx.owner, assetIds),
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
  });
}
