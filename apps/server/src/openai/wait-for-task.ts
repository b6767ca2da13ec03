import { finalStatuses, getTask, type CoreContext, type Task, type TaskEvent } from '@genhub/core';

const ends = (event: Pick<TaskEvent, 'type' | 'task'>) =>
  finalStatuses.includes(event.task.status) || event.type === 'deleted';

/**
 * The task once it has ended (completed, failed, canceled, or deleted: then as it was), told by
 * the event bus; null when `timeoutMs` passes or `signal` aborts first. Listens before it reads
 * the task, so an end in between is not missed.
 */
export function waitForTask(
  core: CoreContext,
  taskId: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Task | null> {
  return new Promise((resolve, reject) => {
    // The read below is awaited: the bus, the timer or the signal may end the wait first.
    let settled = false;
    const stop = () => {
      settled = true;
      unsubscribe();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const finish = (task: Task | null) => {
      if (settled) return;
      stop();
      resolve(task);
    };
    const onAbort = () => finish(null);
    const unsubscribe = core.bus.subscribe((event) => {
      if (event.task.id === taskId && ends(event)) finish(event.task);
    });
    const timer = setTimeout(onAbort, timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) return finish(null);
    getTask(core, taskId).then(
      (now) => {
        if (finalStatuses.includes(now.status)) finish(now);
      },
      (error: unknown) => {
        if (settled) return;
        stop();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
