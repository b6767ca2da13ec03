import { generations, type DbExecutor } from '@genhub/db';
import { asc, eq } from 'drizzle-orm';

export interface GenerationFile {
  id: string;
  file: string;
  mime: string;
}

/** The stored files of a task's images in order, or of one image by its id. */
export function readGenerationFiles(
  db: DbExecutor,
  by: { taskId: string } | { id: string },
): GenerationFile[] {
  return db
    .select({ id: generations.id, file: generations.file, mime: generations.mime })
    .from(generations)
    .where('taskId' in by ? eq(generations.taskId, by.taskId) : eq(generations.id, by.id))
    .orderBy(asc(generations.index))
    .all();
}
