import { and, eq, inArray } from 'drizzle-orm';
import { collectionItems } from '@genhub/db';
import type { CoreContext } from '../context';
import { changeEach } from './change-each';
import { mustExist } from './collection-rows';

/** Adds tasks to a collection (or removes them); returns how many changed. */
export function setInCollection(
  ctx: CoreContext,
  collectionId: string,
  ids: string[],
  member: boolean,
): number {
  mustExist(ctx, collectionId);
  const already = new Set(
    ctx.db
      .select({ taskId: collectionItems.taskId })
      .from(collectionItems)
      .where(
        and(eq(collectionItems.collectionId, collectionId), inArray(collectionItems.taskId, ids)),
      )
      .all()
      .map((m) => m.taskId),
  );
  return changeEach(
    ctx,
    ids,
    'collections_changed',
    (row) => already.has(row.id) !== member,
    (tx, taskId, now) => {
      if (member) tx.insert(collectionItems).values({ collectionId, taskId, addedAt: now }).run();
      else
        tx.delete(collectionItems)
          .where(
            and(eq(collectionItems.collectionId, collectionId), eq(collectionItems.taskId, taskId)),
          )
          .run();
    },
  );
}
