import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { first, type Unit } from '../data/unit-of-work';
import { findCollectionRow } from './find-collection-row';
import { lockCollection } from './lock-collection';

export interface CollectionItemChange {
  collectionId: string;
  taskId: string;
  /** The acting user: both the collection and the task must be theirs. Absent: anyone's. */
  owner: string | undefined;
  /** Put the task in the collection (true) or take it out (false). */
  member: boolean;
  now: number;
}

/**
 * Puts one task in a collection or takes it out. `missing` when there is no such collection;
 * `unchanged` when it already was (or was not) in it, or the task is not the owner's. Run it
 * in a transaction.
 */
export function* setCollectionItem(
  tx: DataSource,
  { collectionId, taskId, owner, member, now }: CollectionItemChange,
): Unit<'changed' | 'unchanged' | 'missing'> {
  const { db, t } = tx;
  const { collectionItems, tasks } = t;
  yield* lockCollection(tx, collectionId);
  if (!(yield* findCollectionRow(tx, collectionId, owner))) return 'missing';
  const task = yield* first(
    db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.id, taskId), ownedBy(tasks.owner, owner))),
  );
  if (!task) return 'unchanged';
  const written = yield* first(
    member
      ? db
          .insert(collectionItems)
          .values({ collectionId, taskId, addedAt: now })
          .onConflictDoNothing()
          .returning({ taskId: collectionItems.taskId })
      : db
          .delete(collectionItems)
          .where(
            and(eq(collectionItems.collectionId, collectionId), eq(collectionItems.taskId, taskId)),
          )
          .returning({ taskId: collectionItems.taskId }),
  );
  return written ? 'changed' : 'unchanged';
}
