import type { ClientContext } from './client-context';
import { iterateSubscription } from './iterate-subscription';
import type { TaskEvent } from './types';

export interface WatchFilter {
  /** Only this task's events. */
  taskId?: string;
  /** Only events of tasks in this plan. */
  planId?: string;
  /** Resume after this event (an event's `seq` as a string): replays what came after it. */
  lastEventId?: string;
}

/**
 * Task events as they happen (the caller's own tasks), optionally narrowed to one task or
 * one plan. Iteration ends when `signal` aborts; a failure is thrown as a GenhubError.
 */
export async function* watch(
  ctx: ClientContext,
  filter: WatchFilter = {},
  options: { signal?: AbortSignal } = {},
): AsyncGenerator<TaskEvent, void, undefined> {
  const input = { taskId: filter.taskId, lastEventId: filter.lastEventId ?? null };
  const events = iterateSubscription<{ id: string; data: TaskEvent }>(
    (handlers) => ctx.trpc.task.events.subscribe(input, handlers),
    options.signal,
  );
  for await (const { data: event } of events) {
    if (filter.planId === undefined || event.task.planId === filter.planId) yield event;
  }
}
