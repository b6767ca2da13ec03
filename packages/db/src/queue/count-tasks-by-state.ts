import type { DataSource } from '../data/data-source';
import type { TaskRow } from '../schema';
import { countTasksByFailure } from './count-tasks-by-failure';

export interface TaskStateCount {
  provider: string;
  status: TaskRow['status'];
  count: number;
}

/** How many tasks each provider has in each state: the user's own, or everyone's (no owner). */
export async function countTasksByState(
  data: DataSource,
  owner: string | undefined,
): Promise<TaskStateCount[]> {
  // The finer count, summed over failure classes: one query for both views.
  const counts: TaskStateCount[] = [];
  for (const { provider, status, count } of await countTasksByFailure(data, owner)) {
    const last = counts.at(-1);
    if (last?.provider === provider && last.status === status) last.count += count;
    else counts.push({ provider, status, count });
  }
  return counts;
}
