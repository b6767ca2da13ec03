import type { ClientContext } from './client-context';
import { newIdempotencyKey } from './idempotency-key';
import { followTask } from './follow-task';
import { isFinished, settleTask } from './settle-task';
import { streamEnded } from './stream-ended';
import { toGenhubError } from './to-genhub-error';
import type { CreateTaskInput, Task, TaskEvent } from './types';

export interface GenerateOptions {
  /** Every change of the task after it was accepted (started, retry scheduled, completed…). */
  onEvent?: (event: TaskEvent) => void;
  /**
   * Stops waiting (rejects with ABORTED, `error.task` holding the task if it was accepted);
   * the task itself keeps running: cancel it with `trpc.task.cancel` if that is what you want.
   */
  signal?: AbortSignal;
  /** The same key returns the task it first made; a fresh one per call when absent. */
  idempotencyKey?: string;
}

/**
 * Creates a task and waits until it is finished: the task when it completed, else a
 * GenhubError TASK_FAILED or TASK_CANCELED holding it.
 *
 * No event is lost to a race: `task.create` answers the event cursor the task was created at,
 * and the task is followed from there (events the client's shared stream already passed are
 * kept for it, older ones replayed from the server's log), so even a task that finished before
 * anything listened has its final event. Any number may wait at once over one subscription.
 */
export async function generate(
  ctx: ClientContext,
  input: CreateTaskInput,
  options: GenerateOptions = {},
): Promise<Task> {
  const { signal, onEvent } = options;
  if (signal?.aborted) throw streamEnded(signal);
  const idempotencyKey = options.idempotencyKey ?? input.idempotencyKey ?? newIdempotencyKey();
  let accepted;
  try {
    accepted = await ctx.trpc.task.create.mutate({ ...input, idempotencyKey }, { signal });
  } catch (error) {
    throw toGenhubError(error);
  }
  const { eventCursor, ...task } = accepted;
  if (isFinished(task)) return settleTask(task);
  let latest: Task = task;
  // A server from before `eventCursor` answers none: then the task's whole log is replayed.
  const lastEventId = (eventCursor as string | undefined) ?? '0';
  for await (const event of followTask(ctx, task.id, lastEventId, signal)) {
    latest = event.task;
    onEvent?.(event);
    if (isFinished(event.task)) return settleTask(event.task);
  }
  throw streamEnded(signal, latest);
}
