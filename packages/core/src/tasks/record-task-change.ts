import type { DbExecutor, TaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { TaskEvent, TaskEventType } from '../schemas';
import { enqueueWebhookEvents } from '../webhooks/enqueue-webhook-events';
import { loadTask, withGenerations } from './load-task';
import { taskStatements } from './task-statements';

export interface TaskChange {
  taskId: string;
  type: TaskEventType;
  /**
   * The row writes; runs inside the transaction and may throw to abort it. Returning the
   * task's row as written (`returning()`) saves reading it again.
   */
  write: (tx: DbExecutor, now: number) => TaskRow | void;
  /** The event carries the task as it was before the writes (for a deletion). */
  snapshotBefore?: boolean;
  /**
   * The instant of the decision this change records, when the caller already read the clock
   * for it (a retry's `nextRunAt` is counted from it); else the clock is read here.
   */
  at?: number;
}

/**
 * The one path every task change takes: the row writes and an appended
 * `task_events` row commit together, then the event is published.
 */
export function recordTaskChange(ctx: CoreContext, change: TaskChange): TaskEvent {
  const now = change.at ?? ctx.clock.now();
  // IMMEDIATE: the write lock is taken first, so what the transaction reads is what it
  // writes over, also when other processes share the file (a deferred one could read a
  // snapshot another process has since overwritten, and fail at its first write).
  const event = ctx.db.transaction(
    (tx) => {
      // Prepared statements on the same connection: they run inside this transaction.
      const before = change.snapshotBefore
        ? loadTask(ctx.db, ctx.storage, change.taskId)
        : undefined;
      const written = change.write(tx, now);
      const task = change.snapshotBefore
        ? before
        : written
          ? withGenerations(ctx.db, ctx.storage, written)
          : loadTask(ctx.db, ctx.storage, change.taskId);
      if (!task) throw new CoreError('NOT_FOUND', `Task ${change.taskId} does not exist`);
      const appended = taskStatements(ctx.db).appendEvent.get({
        taskId: task.id,
        owner: task.owner,
        type: change.type,
        snapshot: JSON.stringify(task),
        createdAt: now,
      });
      if (!appended) throw new Error('appending a task event returned no row');
      // In the same transaction: no event is lost between this commit and its deliveries.
      enqueueWebhookEvents(ctx, change.type, task, now);
      return { seq: appended.seq, type: change.type, task } satisfies TaskEvent;
    },
    { behavior: 'immediate' },
  );
  ctx.bus.publish(event);
  return event;
}
