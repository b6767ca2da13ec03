import type { CoreContext } from '../context';
import type { Task } from '../schemas';
import { transitionTask } from './transition-task';

/**
 * Cancels a task in any non-final state; the scheduler aborts a running attempt on the
 * event (and cancels an async job at the provider where it can).
 */
export async function cancelTask(ctx: CoreContext, id: string): Promise<Task> {
  const now = ctx.clock.now();
  const event = await transitionTask(ctx, {
    taskId: id,
    type: 'canceled',
    from: ['pending', 'processing'],
    set: { status: 'canceled', finishedAt: now, nextRunAt: null },
    at: now,
  });
  return event.task;
}
