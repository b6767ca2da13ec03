import { eq } from 'drizzle-orm';
import { generations, taskEvents, tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { recordTaskChange } from './record-task-change';

export interface DeletedFiles {
  sha256: string;
  file: string;
  thumbFile: string;
}

/**
 * Removes a task, its generations and its earlier events in one transaction, leaving one
 * `deleted` event (with the task as it was) so connected and reconnecting clients learn of
 * it. An earlier attempt it was the retry of shows in the gallery again. Returns the files its generations used; the caller removes those no one else uses.
 */
export function deleteTask(ctx: CoreContext, id: string): DeletedFiles[] {
  let files: DeletedFiles[] = [];
  recordTaskChange(ctx, {
    taskId: id,
    type: 'deleted',
    snapshotBefore: true,
    write: (tx) => {
      files = tx
        .select({
          sha256: generations.sha256,
          file: generations.file,
          thumbFile: generations.thumbFile,
        })
        .from(generations)
        .where(eq(generations.taskId, id))
        .all();
      tx.delete(taskEvents).where(eq(taskEvents.taskId, id)).run();
      tx.delete(tasks).where(eq(tasks.id, id)).run();
      // The attempt it replaced is listed again, instead of hidden behind a retry that is gone.
      tx.update(tasks).set({ retriedById: null }).where(eq(tasks.retriedById, id)).run();
    },
  });
  return files;
}
