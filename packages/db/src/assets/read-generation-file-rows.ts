import { and, asc, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';

export interface GenerationFileRow {
  id: string;
  file: string;
  mime: string;
}

/**
 * The stored files of a task's images in order, or of one image by its id, when `owner`
 * (absent: anyone) holds the task.
 */
export async function readGenerationFileRows(
  { db, t }: DataSource,
  by: { taskId: string } | { id: string },
  owner: string | undefined,
): Promise<GenerationFileRow[]> {
  const { generations, tasks } = t;
  return db
    .select({ id: generations.id, file: generations.file, mime: generations.mime })
    .from(generations)
    .innerJoin(tasks, eq(tasks.id, generations.taskId))
    .where(
      and(
        'taskId' in by ? eq(generations.taskId, by.taskId) : eq(generations.id, by.id),
        ownedBy(tasks.owner, owner),
      ),
    )
    .orderBy(asc(generations.index));
}
