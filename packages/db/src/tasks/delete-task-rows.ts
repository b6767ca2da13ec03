import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { exec, rows, type Unit } from '../data/unit-of-work';

export interface DeletedFiles {
  sha256: string;
  file: string;
  thumbFile: string;
}

/**
 * Removes a task with its generations and events (its generations go with it by foreign key).
 * The attempt it was the retry of loses its link, so it is listed again instead of hidden
 * behind a retry that is gone. Answers the files its generations used.
 */
export function* deleteTaskRows({ db, t }: DataSource, id: string): Unit<DeletedFiles[]> {
  const { generations, taskEvents, tasks } = t;
  const files = yield* rows(
    db
      .select({
        sha256: generations.sha256,
        file: generations.file,
        thumbFile: generations.thumbFile,
      })
      .from(generations)
      .where(eq(generations.taskId, id)),
  );
  yield* exec(db.delete(taskEvents).where(eq(taskEvents.taskId, id)));
  yield* exec(db.delete(tasks).where(eq(tasks.id, id)));
  yield* exec(db.update(tasks).set({ retriedById: null }).where(eq(tasks.retriedById, id)));
  return files;
}
