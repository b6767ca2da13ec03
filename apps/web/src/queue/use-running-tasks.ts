import { useQueries } from '@tanstack/react-query';
import type { Task } from '@genhub/core/schemas';
import { useTRPC } from '../trpc';

/**
 * The full tasks behind the queue's running rows (their operation, input images and list
 * price), by id; a task not loaded yet is absent.
 */
export function useRunningTasks(ids: readonly string[]): ReadonlyMap<string, Task> {
  const trpc = useTRPC();
  const results = useQueries({
    queries: ids.map((id) => trpc.task.get.queryOptions({ id })),
  });
  const byId = new Map<string, Task>();
  for (const result of results) if (result.data) byId.set(result.data.id, result.data);
  return byId;
}
