import { readTrashedTaskIds } from '@genhub/db';
import type { CoreContext } from '../context';
import { isCoreError } from '../errors';
import { discardUnreferenced } from '../engine/discard-unreferenced';
import { deleteTask } from '../tasks/delete-task';

/** Deletes for good what (of the acting user's) went to the trash before `before` (all of it by default). */
export async function emptyTrash(ctx: CoreContext, before = Infinity): Promise<number> {
  const ids = await readTrashedTaskIds(ctx.data, {
    owner: ctx.owner,
    ...(Number.isFinite(before) ? { before } : {}),
  });
  let deleted = 0;
  for (const id of ids) {
    const files = await deleteTask(ctx, id).catch((error: unknown) => {
      // Deleted meanwhile (by the retention sweep, say).
      if (isCoreError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (!files) continue;
    deleted++;
    await discardUnreferenced(ctx, files);
  }
  return deleted;
}
