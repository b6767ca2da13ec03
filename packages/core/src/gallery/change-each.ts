import { and, inArray } from 'drizzle-orm';
import { tasks, type DbExecutor } from '@genhub/db';
import type { CoreContext } from '../context';
import { ownerCondition } from '../owners';
import type { TaskEventType } from '../schemas';
import { recordTaskChangeNow } from '../tasks/record-task-change';
import { sqliteWork } from '../tasks/sqlite-work';

/**
 * Applies one change to each existing task of `ids` the acting user owns that `applies` accepts, one transaction
 * and one event each, so every open tab sees it. Returns how many changed.
 */
export function changeEach(
  ctx: CoreContext,
  ids: string[],
  type: TaskEventType,
  applies: (row: typeof tasks.$inferSelect) => boolean,
  write: (tx: DbExecutor, id: string, now: number) => void,
): number {
  const rows = ctx.db
    .select()
    .from(tasks)
    .where(and(inArray(tasks.id, [...new Set(ids)]), ownerCondition(ctx, tasks.owner)))
    .all()
    .filter(applies);
  for (const row of rows) {
    recordTaskChangeNow(ctx, {
      taskId: row.id,
      type,
      // Return nothing: the change reads the task back, with its collections.
      write: (tx, now) =>
        sqliteWork(tx, () => {
          write(tx.db, row.id, now);
        }),
    });
  }
  return rows.length;
}
