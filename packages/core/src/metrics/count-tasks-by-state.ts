import { count, sql } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import type { ErrorClass, TaskStatus } from '../schemas';

export interface TaskStateCount {
  status: TaskStatus;
  provider: string;
  /** The class of the task's last failure (final for failed tasks, the retry's cause for pending ones); null when none. */
  failureClass: ErrorClass | null;
  count: number;
}

/** The query behind `countTasksByState`, exposed so its plan can be checked. */
export function tasksByStateQuery(ctx: Pick<CoreContext, 'db'>) {
  return ctx.db
    .select({
      status: tasks.status,
      provider: tasks.provider,
      failureClass: sql<ErrorClass | null>`${tasks.errorCode}`,
      count: count(),
    })
    .from(tasks)
    .groupBy(tasks.status, tasks.provider, tasks.errorCode);
}

/** Every user's tasks counted by status, provider and failure class, in one grouped query. */
export function countTasksByState(ctx: Pick<CoreContext, 'db'>): Promise<TaskStateCount[]> {
  return Promise.resolve(tasksByStateQuery(ctx).all());
}
