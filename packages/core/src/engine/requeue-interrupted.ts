import { eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { transitionTask } from '../tasks/transition-task';

/** At start-up, work that was running when the process stopped goes back in the queue. */
export function requeueInterrupted(ctx: CoreContext): number {
  const interrupted = ctx.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(eq(tasks.status, 'processing'))
    .all();
  for (const { id } of interrupted) {
    transitionTask(ctx, {
      taskId: id,
      type: 'requeued',
      from: ['processing'],
      set: { status: 'pending', startedAt: null },
    });
  }
  return interrupted.length;
}
