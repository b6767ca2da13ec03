import { taskEvents, type DbExecutor } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { TaskEvent, TaskEventType } from '../schemas';
import { loadTask } from './load-task';

export interface TaskChange {
  taskId: string;
  type: TaskEventType;
  /** The row writes; runs inside the transaction and may throw to abort it. */
  write: (tx: DbExecutor, now: number) => void;
}

/**
 * The one path every task change takes: the row writes and an appended
 * `task_events` row commit together, then the event is published.
 */
export function recordTaskChange(ctx: CoreContext, change: TaskChange): TaskEvent {
  const now = ctx.clock.now();
  const event = ctx.db.transaction((tx) => {
    change.write(tx, now);
    const task = loadTask(tx, ctx.storage, change.taskId);
    if (!task) throw new CoreError('NOT_FOUND', `Task ${change.taskId} does not exist`);
    const { seq } = tx
      .insert(taskEvents)
      .values({
        taskId: task.id,
        type: change.type,
        snapshot: JSON.stringify(task),
        createdAt: now,
      })
      .returning({ seq: taskEvents.seq })
      .get();
    return { seq, type: change.type, task } satisfies TaskEvent;
  });
  ctx.bus.publish(event);
  return event;
}
