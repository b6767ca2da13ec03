import { and, eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';

/**
 * Records that the provider called back about a running task's job, so that the instance
 * running it polls at once even when the callback reached another instance.
 */
export function noteCallback(ctx: Pick<CoreContext, 'db'>, taskId: string, at: number): void {
  ctx.db
    .update(tasks)
    .set({ callbackAt: at })
    .where(and(eq(tasks.id, taskId), eq(tasks.status, 'processing')))
    .run();
}
