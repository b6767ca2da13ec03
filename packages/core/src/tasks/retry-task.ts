import { randomUUID } from 'node:crypto';
import {
  linkRetryRow,
  readTaskRow,
  releaseRetryRow,
  reserveRetryRow,
  retryableStatuses,
  type RetryReservation,
  type TaskRow,
} from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { takesCount, type AcceptedTask, type Task } from '../schemas';
import { createTask, type TaskLinks } from './create-task';
import { readTasks } from './load-task';
import { recordTaskChange } from './record-task-change';

/** How long a retry may take to create its task before another retry may take the old one over. */
const reservationMs = 60_000;

/** Why the task could not be reserved for a retry. */
async function refusal(ctx: CoreContext, id: string): Promise<CoreError> {
  const row = await readTaskRow(ctx.data, id, ctx.owner);
  if (!row) return new CoreError('NOT_FOUND', `Task ${id} does not exist`, 'id');
  if (!retryableStatuses.includes(row.status)) {
    return new CoreError(
      'CONFLICT',
      `Task ${id} is ${row.status}; only failed or canceled tasks can be retried`,
    );
  }
  if (row.retriedById) {
    return new CoreError('CONFLICT', `Task ${id} was already retried as ${row.retriedById}`);
  }
  return new CoreError('CONFLICT', `Task ${id} is being retried already`);
}

/** The new task's links: to the old one, and what of a plan's it keeps. */
function linksOf(row: TaskRow): TaskLinks {
  return {
    retriedFromId: row.id,
    // A plan's variation stays in its plan, with the plan's retry delay and call timeout.
    planId: row.planId,
    planItemId: row.planItemId,
    planBatch: row.planBatch,
    retryDelayMs: row.retryDelayMs,
    attemptTimeoutMs: row.attemptTimeoutMs,
    // A retry keeps the original's owner, also when an admin asks for it.
    owner: row.owner,
  };
}

function createRetry(ctx: CoreContext, old: Task, row: TaskRow): Promise<AcceptedTask> {
  return createTask(
    ctx,
    {
      operation: old.operation,
      prompt: old.prompt,
      aspectRatio: old.aspectRatio,
      count: takesCount(old.operation) ? old.count : 1,
      outputFormat: old.outputFormat,
      provider: old.provider,
      model: old.model,
      seed: old.seed,
      ...(old.resolution ? { resolution: old.resolution } : {}),
      ...(old.safety ? { safety: old.safety } : {}),
      priority: old.priority,
      maxAttempts: old.maxAttempts,
      timeoutSeconds: old.timeoutSeconds,
      ...(old.fallback.length > 0 ? { fallback: old.fallback } : {}),
      ...(old.assetIds.length > 0 ? { assetIds: old.assetIds } : {}),
      options: old.options,
    },
    linksOf(row),
  );
}

/**
 * Tries a failed or canceled task again as a new task with the same request, linked both
 * ways (`retriedFromId` on the new one, `retriedById` on the old). Returns the new task.
 *
 * Creating the new task is its own transaction, so the old task is reserved first, by a
 * compare-and-set on its row: of two retries at once (on any instance) one reserves it and
 * makes the new task, the other is a CONFLICT and makes nothing.
 */
export async function retryTask(ctx: CoreContext, id: string): Promise<AcceptedTask> {
  const reservation: RetryReservation = { id, holder: `retry:${randomUUID()}` };
  const now = ctx.clock.now();
  const row = await ctx.data.run((data) =>
    reserveRetryRow(data, { ...reservation, owner: ctx.owner, now, until: now + reservationMs }),
  );
  if (!row) throw await refusal(ctx, id);
  let fresh: AcceptedTask;
  try {
    const [old] = await readTasks(ctx.data, ctx.storage, [row]);
    if (!old) throw new CoreError('NOT_FOUND', `Task ${id} does not exist`, 'id');
    fresh = await createRetry(ctx, old, row);
  } catch (error) {
    await ctx.data.run((data) => releaseRetryRow(data, reservation));
    throw error;
  }
  try {
    await recordTaskChange(ctx, {
      taskId: id,
      type: 'retried',
      write: function* (tx, at) {
        const linked = yield* linkRetryRow(tx, { ...reservation, retryId: fresh.id, now: at });
        if (!linked) throw new CoreError('CONFLICT', `Task ${id} changed while it was retried`);
        return linked;
      },
    });
  } catch (error) {
    if (!(error instanceof CoreError && error.code === 'CONFLICT')) throw error;
    // Deleted meanwhile, or held so long that another retry took it over: the new task is
    // made and announced, so it stands, unlinked.
    ctx.log.warn({ taskId: id, retryId: fresh.id }, 'the retried task changed meanwhile');
  }
  return fresh;
}
