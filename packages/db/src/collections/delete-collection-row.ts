import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { exec, rows, type Unit } from '../data/unit-of-work';
import { findCollectionRow } from './find-collection-row';
import { lockCollection } from './lock-collection';

/**
 * Deletes `owner`'s collection (any one's without an owner) and its items (a foreign key
 * cascade); the tasks stay. Returns the ids of the tasks it held, or null when there is no such
 * collection. Run it in a transaction.
 */
export function* deleteCollectionRow(
  tx: DataSource,
  id: string,
  owner: string | undefined,
): Unit<string[] | null> {
  const { db, t } = tx;
  yield* lockCollection(tx, id);
  if (!(yield* findCollectionRow(tx, id, owner))) return null;
  const members = yield* rows(
    db
      .select({ taskId: t.collectionItems.taskId })
      .from(t.collectionItems)
      .where(eq(t.collectionItems.collectionId, id)),
  );
  yield* exec(db.delete(t.collections).where(eq(t.collections.id, id)));
  return members.map((m) => m.taskId);
}
