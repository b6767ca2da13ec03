import type { CoreContext } from '../context';
import type { Task } from '../schemas';
import { transitionTaskNow } from './transition-task';

/** Moves a waiting task up or down the queue. */
export function setPriority(ctx: CoreContext, id: string, priority: number): Task {
  return transitionTaskNow(ctx, {
    taskId: id,
    type: 'priority_changed',
    from: ['pending'],
    set: { priority },
  }).task;
}
