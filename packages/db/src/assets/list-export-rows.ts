import { and, asc, eq, inArray } from 'drizzle-orm';
import { textOrder } from '../accounts/text-order';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';

export interface ExportRow {
  taskId: string;
  index: number;
  file: string;
  mime: string;
  prompt: string;
  operation: string;
  planId: string | null;
  planItemId: string | null;
}

/**
 * The images of the tasks `taskIds` that `owner` (absent: anyone) holds, with what names them
 * in an archive: by task id (as SQLite orders text, by byte), then by their place in the task.
 */
export async function listExportRows(
  { dialect, db, t }: DataSource,
  taskIds: readonly string[],
  owner: string | undefined,
): Promise<ExportRow[]> {
  if (taskIds.length === 0) return [];
  const { generations, tasks } = t;
  return db
    .select({
      taskId: generations.taskId,
      index: generations.index,
      file: generations.file,
      mime: generations.mime,
      prompt: tasks.prompt,
      operation: tasks.operation,
      planId: tasks.planId,
      planItemId: tasks.planItemId,
    })
    .from(generations)
    .innerJoin(tasks, eq(tasks.id, generations.taskId))
    .where(and(inArray(generations.taskId, [...new Set(taskIds)]), ownedBy(tasks.owner, owner)))
    .orderBy(asc(textOrder(dialect, generations.taskId)), asc(generations.index));
}
