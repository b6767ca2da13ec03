import { readFailedTaskIds } from '@genhub/db';
import type { CoreContext } from '../context';
import { isCoreError } from '../errors';
import { retryTask } from '../tasks/retry-task';

/**
 * Retries every failed task (of the acting user's) not retried yet (optionally of one provider). A task whose
 * request no longer validates (its provider was unconfigured, say) is skipped, as is one
 * retried meanwhile. Returns how many were retried.
 */
export async function retryAllFailed(ctx: CoreContext, provider?: string): Promise<number> {
  const failed = await readFailedTaskIds(ctx.data, {
    owner: ctx.owner,
    ...(provider === undefined ? {} : { provider }),
  });
  let retried = 0;
  for (const id of failed) {
    try {
      await retryTask(ctx, id);
      retried++;
    } catch (error) {
      if (!isCoreError(error)) throw error;
      ctx.log.warn({ taskId: id, reason: error.message }, 'not retried');
    }
  }
  return retried;
}
