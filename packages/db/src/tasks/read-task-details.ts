import { asc, getTableColumns, inArray } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';
import type { GenerationRow } from '../schema';

/** A generation as tasks show it: without a provider's context for continuing from it. */
export type ShownGenerationRow = Omit<GenerationRow, 'thoughtSignature'>;

export interface TaskDetails {
  /** By task, in each task's order. */
  generations: Map<string, ShownGenerationRow[]>;
  /** The collections each task is in. */
  collectionIds: Map<string, string[]>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** The generations and collections of tasks, with one query for each. */
export function* selectTaskDetails(
  { db, t }: DataSource,
  taskIds: readonly string[],
): Unit<TaskDetails> {
  if (taskIds.length === 0) return { generations: new Map(), collectionIds: new Map() };
  // A Gemini thought signature runs to kilobytes, and only the next turn reads it.
  const { thoughtSignature: _context, ...shown } = getTableColumns(t.generations);
  const generations = yield* rows(
    db
      .select(shown)
      .from(t.generations)
      .where(inArray(t.generations.taskId, [...taskIds]))
      .orderBy(asc(t.generations.taskId), asc(t.generations.index)),
  );
  const items = yield* rows(
    db
      .select({ taskId: t.collectionItems.taskId, collectionId: t.collectionItems.collectionId })
      .from(t.collectionItems)
      .where(inArray(t.collectionItems.taskId, [...taskIds])),
  );
  const collectionIds = new Map<string, string[]>();
  for (const [taskId, itemsOfTask] of groupBy(items, (item) => item.taskId)) {
    collectionIds.set(
      taskId,
      itemsOfTask.map((item) => item.collectionId),
    );
  }
  return { generations: groupBy(generations, (g) => g.taskId), collectionIds };
}

/** `selectTaskDetails`, on its own. */
export function readTaskDetails(
  data: DataSource,
  taskIds: readonly string[],
): Promise<TaskDetails> {
  return data.run((source) => selectTaskDetails(source, taskIds));
}
