import { noteTaskCallback } from '@genhub/db';
import type { CoreContext } from '../context';

/**
 * Records that the provider called back about a running task's job, so that the instance
 * running it polls at once even when the callback reached another instance.
 */
export async function noteCallback(
  ctx: Pick<CoreContext, 'data'>,
  taskId: string,
  at: number,
): Promise<void> {
  await ctx.data.run((data) => noteTaskCallback(data, { taskId, at }));
}
