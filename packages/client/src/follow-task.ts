import type { ClientContext } from './client-context';
import { iterateSubscription } from './iterate-subscription';
import type { TaskEvent } from './types';

/**
 * A task's events after `lastEventId` until the caller stops: from the client's shared
 * stream, or from a subscription of the task's own when the shared one cannot vouch for all.
 */
export function followTask(
  ctx: ClientContext,
  taskId: string,
  lastEventId: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<TaskEvent, void, undefined> {
  return iterateSubscription<TaskEvent>((handlers) => {
    const detach = ctx.taskEvents.attach(
      { taskId, push: handlers.onData, fail: handlers.onError },
      Number(lastEventId),
    );
    if (detach) return { unsubscribe: detach };
    return ctx.trpc.task.events.subscribe(
      { taskId, lastEventId },
      { ...handlers, onData: ({ data }) => handlers.onData(data) },
    );
  }, signal);
}
