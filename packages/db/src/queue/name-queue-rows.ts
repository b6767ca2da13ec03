import { and, inArray } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { TaskRow } from '../schema';
import { ownedBy } from '../data/owned-by';

/** What names a task in the queue. */
export interface QueueRowNaming {
  prompt: string;
  operation: TaskRow['operation'];
  assetIds: string[];
  /** The file name of its first input image, when the user uploaded one with a name. */
  inputName: string | null;
  /** The list price it was accepted at. */
  costUnit: string | null;
  estimatedCost: number | null;
}

/**
 * What names each of these tasks (prompt, operation, first input image's file name, list
 * price), by id: two queries whatever the number of tasks. Input names are read from the
 * acting user's uploads only (absent owner: everyone's).
 */
export async function nameQueueRows(
  { db, t }: DataSource,
  { owner, ids }: { owner: string | undefined; ids: readonly string[] },
): Promise<Map<string, QueueRowNaming>> {
  if (ids.length === 0) return new Map();
  const { tasks, assets } = t;
  const rows = await db
    .select({
      id: tasks.id,
      prompt: tasks.prompt,
      operation: tasks.operation,
      assetIds: tasks.assetIds,
      costUnit: tasks.costUnit,
      estimatedCost: tasks.estimatedCost,
    })
    .from(tasks)
    .where(inArray(tasks.id, [...ids]));
  const firstInputs = [
    ...new Set(rows.flatMap((row) => (row.assetIds[0] === undefined ? [] : [row.assetIds[0]]))),
  ];
  const uploads =
    firstInputs.length === 0
      ? []
      : await db
          .select({ id: assets.id, name: assets.name })
          .from(assets)
          .where(and(inArray(assets.id, firstInputs), ownedBy(assets.owner, owner)));
  const names = new Map(uploads.map((upload) => [upload.id, upload.name]));
  return new Map(
    rows.map(({ id, assetIds, ...row }): [string, QueueRowNaming] => {
      const first = assetIds[0];
      return [
        id,
        { ...row, assetIds, inputName: (first === undefined ? null : names.get(first)) ?? null },
      ];
    }),
  );
}
