import { eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { takesCount, type AcceptedTask } from '../schemas';
import { createTask } from './create-task';
import { getTask } from './get-task';
import { transitionTaskNow } from './transition-task';

/**
 * Tries a failed or canceled task again as a new task with the same request, linked both
 * ways (`retriedFromId` on the new one, `retriedById` on the old). Returns the new task.
 */
export async function retryTask(ctx: CoreContext, id: string): Promise<AcceptedTask> {
  const old = await getTask(ctx, id);
  // Nothing awaits from here on, and the checks read the row again: a retry of the same task
  // that ran while this one was reading shows here (a CONFLICT), never as a second new task.
  const row = ctx.db.select().from(tasks).where(eq(tasks.id, id)).get();
  if (!row) throw new CoreError('NOT_FOUND', `Task ${id} does not exist`, 'id');
  if (row.status !== 'failed' && row.status !== 'canceled') {
    throw new CoreError(
      'CONFLICT',
      `Task ${id} is ${row.status}; only failed or canceled tasks can be retried`,
    );
  }
  if (row.retriedById) {
    throw new CoreError('CONFLICT', `Task ${id} was already retried as ${row.retriedById}`);
  }
  const fresh = createTask(
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
    {
      retriedFromId: old.id,
      // A plan's variation stays in its plan, with the plan's retry delay and call timeout.
      planId: row.planId,
      planItemId: row.planItemId,
      planBatch: row.planBatch,
      retryDelayMs: row.retryDelayMs,
      attemptTimeoutMs: row.attemptTimeoutMs,
      owner: row.owner,
    },
  );
  transitionTaskNow(ctx, {
    taskId: old.id,
    type: 'retried',
    from: ['failed', 'canceled'],
    set: { retriedById: fresh.id },
  });
  return fresh;
}
