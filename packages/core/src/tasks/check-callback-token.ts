import { timingSafeEqual } from 'node:crypto';
import { readTaskRow } from '@genhub/db';
import type { CoreContext } from '../context';

export interface CallbackTarget {
  /** The provider's job id for the task, to match against the callback's own id. */
  jobId: string | null;
}

/**
 * Whether a webhook call names a running task of this provider with its secret token.
 * Unknown task, other provider, no token, wrong token: all the same `undefined`.
 */
export async function checkCallbackToken(
  ctx: Pick<CoreContext, 'data'>,
  provider: string,
  taskId: string,
  token: string | undefined,
): Promise<CallbackTarget | undefined> {
  // Whoever's task it is: the token is what authorises the call.
  const row = await readTaskRow(ctx.data, taskId, undefined);
  if (!row || row.provider !== provider || !row.callbackToken || !token) return undefined;
  const expected = Buffer.from(row.callbackToken);
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { jobId: row.providerJobId };
}
