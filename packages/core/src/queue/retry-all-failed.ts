import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { isCoreError } from '../errors';
import { ownerCondition } from '../owners';
import { retryTask } from '../tasks/retry-task';

/**
 * Retries every failed task (of the acting user's) not retried yet (optionally of one provider). A task whose
 * request no longer validates (its provider was unconfigured, say) is skipped.
 * Returns how many were retried.
 */
export async function retryAllFailed(ctx: CoreContext, provider?: string): Promise<number> {
  const where: (SQL | undefined)[] = [
    eq(tasks.status, 'failed'),
    isNull(tasks.retriedById),
    ownerCondition(ctx, tasks.owner),
  ];
  if (provider !== undefined) where.push(eq(tasks.provider, provider));
  const failed = ctx.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(...where))
    .all();
  let retried = 0;
  for (const { id } of failed) {
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
