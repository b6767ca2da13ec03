import { and, isNotNull, lte } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { ownerCondition } from '../owners';
import { discardUnreferenced } from '../engine/discard-unreferenced';
import { deleteTask } from '../tasks/delete-task';

/** Deletes for good what (of the acting user's) went to the trash before `before` (all of it by default). */
export async function emptyTrash(ctx: CoreContext, before = Infinity): Promise<number> {
  const ids = ctx.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        isNotNull(tasks.deletedAt),
        ownerCondition(ctx, tasks.owner),
        Number.isFinite(before) ? lte(tasks.deletedAt, before) : undefined,
      ),
    )
    .all();
  for (const { id } of ids) {
    const files = deleteTask(ctx, id);
    await discardUnreferenced(ctx, files);
  }
  return ids.length;
}
