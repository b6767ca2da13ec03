import { countTasksByFailure } from '@genhub/db';
import type { CoreContext } from '../context';
import type { ErrorClass, TaskStatus } from '../schemas';

export interface TaskStateCount {
  status: TaskStatus;
  provider: string;
  /** The class of the task's last failure (final for failed tasks, the retry's cause for pending ones); null when none. */
  failureClass: ErrorClass | null;
  count: number;
}

/** Every user's tasks counted by status, provider and failure class, in one grouped query. */
export async function countTasksByState(ctx: Pick<CoreContext, 'data'>): Promise<TaskStateCount[]> {
  const rows = await countTasksByFailure(ctx.data, undefined);
  return rows.map(({ status, provider, failureClass, count }) => ({
    status,
    provider,
    // The engine writes failure codes only as error classes.
    failureClass: failureClass as ErrorClass | null,
    count,
  }));
}
