import { and, eq, inArray } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { tasks, type DbExecutor } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { TaskEvent, TaskEventType, TaskStatus } from '../schemas';
import { recordTaskChange } from './record-task-change';

export interface Transition {
  taskId: string;
  type: TaskEventType;
  /** The statuses the task may be in; anything else is a CONFLICT and changes nothing. */
  from: readonly TaskStatus[];
  set: Omit<SQLiteUpdateSetSource<typeof tasks>, 'id' | 'createdAt' | 'updatedAt'>;
  /** More writes in the same transaction (e.g. the generations of a result). */
  also?: (tx: DbExecutor, now: number) => void;
}

/** A guarded status change: compare-and-set on the current status. */
export function transitionTask(ctx: CoreContext, t: Transition): TaskEvent {
  return recordTaskChange(ctx, {
    taskId: t.taskId,
    type: t.type,
    write: (tx, now) => {
      const updated = tx
        .update(tasks)
        .set({ ...t.set, updatedAt: now })
        .where(and(eq(tasks.id, t.taskId), inArray(tasks.status, [...t.from])))
        .returning({ id: tasks.id })
        .all();
      if (updated.length === 0) {
        const current = tx
          .select({ status: tasks.status })
          .from(tasks)
          .where(eq(tasks.id, t.taskId))
          .get();
        if (!current) throw new CoreError('NOT_FOUND', `Task ${t.taskId} does not exist`);
        throw new CoreError(
          'CONFLICT',
          `Task ${t.taskId} is ${current.status}; this needs it to be ${t.from.join(' or ')}`,
        );
      }
      t.also?.(tx, now);
    },
  });
}
