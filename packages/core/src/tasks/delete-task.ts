import { deleteTaskRows, type DeletedFiles } from '@genhub/db';
import type { CoreContext } from '../context';
import { recordTaskChangeNow } from './record-task-change';

export type { DeletedFiles };

/**
 * Removes a task, its generations and its earlier events in one transaction, leaving one
 * `deleted` event (with the task as it was) so connected and reconnecting clients learn of
 * it. An earlier attempt it was the retry of shows in the gallery again. Returns the files its
 * generations used; the caller removes those no one else uses.
 */
export function deleteTask(ctx: CoreContext, id: string): DeletedFiles[] {
  let files: DeletedFiles[] = [];
  recordTaskChangeNow(ctx, {
    taskId: id,
    type: 'deleted',
    snapshotBefore: true,
    write: function* (tx) {
      files = yield* deleteTaskRows(tx, id);
    },
  });
  return files;
}
