import { GenhubError } from './genhub-error';
import type { Task } from './types';

const finalStatuses: ReadonlySet<Task['status']> = new Set(['completed', 'failed', 'canceled']);

export function isFinished(task: Task): boolean {
  return finalStatuses.has(task.status);
}

/** A finished task: the task itself when it completed, else TASK_FAILED or TASK_CANCELED. */
export function settleTask(task: Task): Task {
  if (task.status === 'failed') {
    const reason = task.error ? `${task.error.code}: ${task.error.message}` : 'no reason given';
    throw new GenhubError('TASK_FAILED', `Task ${task.id} failed (${reason})`, { task });
  }
  if (task.status === 'canceled') {
    throw new GenhubError('TASK_CANCELED', `Task ${task.id} was canceled`, { task });
  }
  return task;
}
