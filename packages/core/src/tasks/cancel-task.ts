import type { CoreContext } from '../context';
import type { Task } from '../schemas';
import { transitionTask } from './transition-task';

/** Cancels a pending or running task; a running one is aborted by the scheduler on the event. */
export function cancelTask(ctx: CoreContext, id: string): Task {
  return transitionTask(ctx, {
    taskId: id,
    type: 'canceled',
    from: ['pending', 'processing'],
    set: { status: 'canceled', finishedAt: ctx.clock.now() },
  }).task;
}
