import { appendTaskEvent, type DataSource, type TaskRow, type Unit } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { TaskEvent, TaskEventType } from '../schemas';
import { enqueueWebhookEvents } from '../webhooks/enqueue-webhook-events';
import { selectTask, selectTasks } from './load-task';

export interface TaskChange {
  taskId: string;
  type: TaskEventType;
  /**
   * The row writes, as a unit of the change's transaction; throwing aborts it. Returning the
   * task's row as written (`returning()`) saves reading it again.
   */
  write: (tx: DataSource, now: number) => Unit<TaskRow | void>;
  /** The event carries the task as it was before the writes (for a deletion). */
  snapshotBefore?: boolean;
  /**
   * The instant of the decision this change records, when the caller already read the clock
   * for it (a retry's `nextRunAt` is counted from it); else the clock is read here.
   */
  at?: number;
}

/**
 * The row writes, the appended event and its webhook deliveries: one transaction's work. For
 * several changes in one transaction (a plan's tasks); the caller publishes the events once
 * it has committed.
 */
export function* changeTask(
  ctx: CoreContext,
  tx: DataSource,
  change: TaskChange,
  now: number,
): Unit<TaskEvent> {
  const before = change.snapshotBefore
    ? yield* selectTask(tx, ctx.storage, change.taskId, undefined)
    : undefined;
  const written = yield* change.write(tx, now);
  const task = change.snapshotBefore
    ? before
    : written
      ? (yield* selectTasks(tx, ctx.storage, [written]))[0]
      : yield* selectTask(tx, ctx.storage, change.taskId, undefined);
  if (!task) throw new CoreError('NOT_FOUND', `Task ${change.taskId} does not exist`);
  const seq = yield* appendTaskEvent(tx, {
    taskId: task.id,
    owner: task.owner,
    type: change.type,
    snapshot: JSON.stringify(task),
    createdAt: now,
  });
  // In the same transaction: no event is lost between this commit and its deliveries.
  yield* enqueueWebhookEvents(tx, change.type, task, now);
  return { seq, type: change.type, task };
}

/**
 * The one path every task change takes: the row writes and an appended `task_events` row
 * commit together (SQLite: an IMMEDIATE transaction, so what it reads is what it writes over,
 * also when other processes share the file), then the event is published.
 */
export async function recordTaskChange(ctx: CoreContext, change: TaskChange): Promise<TaskEvent> {
  const now = change.at ?? ctx.clock.now();
  const event = await ctx.data.transact((tx) => changeTask(ctx, tx, change, now));
  ctx.bus.publish(event);
  return event;
}
