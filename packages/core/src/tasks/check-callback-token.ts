import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';

export interface CallbackTarget {
  /** The provider's job id for the task, to match against the callback's own id. */
  jobId: string | null;
}

/**
 * Whether a webhook call names a running task of this provider with its secret token.
 * Unknown task, other provider, no token, wrong token: all the same `undefined`.
 */
export function checkCallbackToken(
  ctx: CoreContext,
  provider: string,
  taskId: string,
  token: string | undefined,
): CallbackTarget | undefined {
  const row = ctx.db
    .select({ provider: tasks.provider, token: tasks.callbackToken, jobId: tasks.providerJobId })
    .from(tasks)
    .where(eq(tasks.id, taskId))
    .get();
  if (!row || row.provider !== provider || !row.token || !token) return undefined;
  const expected = Buffer.from(row.token);
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { jobId: row.jobId };
}
