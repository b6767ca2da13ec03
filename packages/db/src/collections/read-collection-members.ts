import { and, eq, inArray } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';
import { findCollectionRow } from './find-collection-row';

/**
 * Which of `taskIds` `owner`'s collection (any one's without an owner) holds; null when there is
 * no such collection.
 */
export function* readCollectionMembers(
  data: DataSource,
  id: string,
  owner: string | undefined,
  taskIds: readonly string[],
): Unit<string[] | null> {
  if (!(yield* findCollectionRow(data, id, owner))) return null;
  const { collectionItems } = data.t;
  const found = yield* rows(
    data.db
      .select({ taskId: collectionItems.taskId })
      .from(collectionItems)
      .where(
        and(eq(collectionItems.collectionId, id), inArray(collectionItems.taskId, [...taskIds])),
      ),
  );
  return found.map((m) => m.taskId);
}
