import type { DataSource, TaskRow, Unit } from '@genhub/db';
import type { CoreContext } from '../context';
import type { TaskEventType } from '../schemas';
import { recordTaskChange } from '../tasks/record-task-change';

/** A change that found nothing to do: its transaction ends without an event. */
class Unchanged extends Error {}

/**
 * Applies one change to each task of `ids`, one transaction and one event each, so every open
 * tab sees it. `write` decides in its transaction, as a compare-and-set, whether the task
 * changes (it exists, is the acting user's, and is not so already): it returns the row as
 * written, or undefined to change nothing. Deciding there, not on rows read before, keeps two
 * of these at once from both changing a task. Returns how many changed.
 */
export async function changeEach(
  ctx: CoreContext,
  ids: string[],
  type: TaskEventType,
  write: (tx: DataSource, id: string, now: number) => Unit<TaskRow | undefined>,
): Promise<number> {
  let changed = 0;
  for (const id of new Set(ids)) {
    try {
      await recordTaskChange(ctx, {
        taskId: id,
        type,
        write: function* (tx, now) {
          const written = yield* write(tx, id, now);
          if (!written) throw new Unchanged();
          return written;
        },
      });
      changed++;
    } catch (error) {
      if (!(error instanceof Unchanged)) throw error;
    }
  }
  return changed;
}
