import type { CoreContext } from '../context';
import type { Task } from '../schemas';
import { transitionTaskNow } from './transition-task';

/**
 * Cancels a task in any non-final state; the scheduler aborts a running attempt on the
 * event (and cancels an async job at the provider where it can).
 */
export function cancelTask(ctx: CoreContext, id: string): Task {
  return transitionTaskNow(ctx, {
    taskId: id,
    type: 'canceled',
    from: ['pending', 'processing'],
    set: { status: 'canceled', finishedAt: ctx.clock.now(), nextRunAt: null },
  }).task;
}
