import { deleteTaskRows, type DeletedFiles } from '@genhub/db';
import type { CoreContext } from '../context';
import { recordTaskChange } from './record-task-change';

export type { DeletedFiles };

/**
 * Removes a task, its generations and its earlier events in one transaction, leaving one
 * `deleted` event (with the task as it was) so connected and reconnecting clients learn of
 * it. An earlier attempt it was the retry of shows in the gallery again. Returns the files its
 * generations used; the caller removes those no one else uses.
 */
export async function deleteTask(ctx: CoreContext, id: string): Promise<DeletedFiles[]> {
  let files: DeletedFiles[] = [];
  await recordTaskChange(ctx, {
    taskId: id,
    type: 'deleted',
    snapshotBefore: true,
    write: function* (tx) {
      files = yield* deleteTaskRows(tx, id);
    },
  });
  return files;
}
