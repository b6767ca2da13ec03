import type { CoreContext } from '../context';
import type { Task } from '../schemas';
import { transitionTask } from './transition-task';

/** Moves a waiting task up or down the queue. */
export async function setPriority(ctx: CoreContext, id: string, priority: number): Promise<Task> {
  const event = await transitionTask(ctx, {
    taskId: id,
    type: 'priority_changed',
    from: ['pending'],
    set: { priority },
  });
  return event.task;
}
