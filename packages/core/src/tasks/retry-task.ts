import type { CoreContext } from '../context';
import type { Task } from '../schemas';
import { transitionTask } from './transition-task';

/** Puts a failed or canceled task back in the queue. */
export function retryTask(ctx: CoreContext, id: string): Task {
  return transitionTask(ctx, {
    taskId: id,
    type: 'retried',
    from: ['failed', 'canceled'],
    set: {
      status: 'pending',
      errorCode: null,
      errorMessage: null,
      startedAt: null,
      finishedAt: null,
    },
  }).task;
}
