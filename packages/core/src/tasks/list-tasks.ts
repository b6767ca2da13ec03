import type { CoreContext } from '../context';
import { listGallery } from '../gallery/list-gallery';
import { listTasksInput, type ListTasksInput, type TaskPage } from '../schemas';

/**
 * Newest first, keyset-paginated by id, optionally by status; also returns the event cursor
 * the page was read at. The gallery query with its defaults (trashed tasks are left out).
 */
export function listTasks(ctx: CoreContext, rawInput: ListTasksInput = {}): Promise<TaskPage> {
  const input = listTasksInput.parse(rawInput);
  return listGallery(ctx, {
    limit: input.limit,
    cursor: input.cursor ?? null,
    ...(input.status ? { status: input.status } : {}),
  });
}
