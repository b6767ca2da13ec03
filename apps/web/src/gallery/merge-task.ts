import type { InfiniteData } from '@tanstack/react-query';
import type { Task, TaskEvent, TaskPage } from '@genhub/core/schemas';

type Pages = InfiniteData<TaskPage, string | null>;

/**
 * Applies a pushed task event to the cached pages: drops a deleted task and one a retry
 * replaced (its `retried` event; the retry arrives as a new task), replaces a task where it is
 * (unless the cache already holds a newer state), or puts a new task at the top.
 */
export function mergeTask(
  data: Pages | undefined,
  event: Pick<TaskEvent, 'type' | 'task'>,
  /** Whether the task belongs in this view (its filters); one that no longer does leaves it. */
  belongs: (task: Task) => boolean = () => true,
  /** New tasks go on top of a newest-first view; an oldest-first one gets them by paging. */
  newestFirst = true,
): Pages | undefined {
  if (!data) return data;
  const { task } = event;
  if (event.type === 'deleted' || task.retriedById !== null || !belongs(task)) {
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.filter((item) => item.id !== task.id),
      })),
    };
  }
  let found = false;
  const pages = data.pages.map((page) => {
    const index = page.items.findIndex((item) => item.id === task.id);
    if (index === -1) return page;
    found = true;
    const current = page.items[index];
    if (current && current.updatedAt > task.updatedAt) return page;
    const items = page.items.slice();
    items[index] = task;
    return { ...page, items };
  });
  if (found) return { ...data, pages };
  const [first, ...rest] = pages;
  if (!first || !newestFirst) return data;
  const newest = first.items[0];
  // Only tasks newer than the top of the list belong at the top; older ones arrive with paging.
  if (newest && newest.id > task.id) return data;
  return { ...data, pages: [{ ...first, items: [task, ...first.items] }, ...rest] };
}
