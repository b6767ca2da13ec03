import { readCollectionMembers, selectTaskRow, setCollectionItem } from '@genhub/db';
import type { CoreContext } from '../context';
import { changeEach } from './change-each';
import { collectionNotFound } from './collection-not-found';

/** Adds tasks to a collection (or removes them); returns how many changed. */
export async function setInCollection(
  ctx: CoreContext,
  collectionId: string,
  ids: string[],
  member: boolean,
): Promise<number> {
  const members = await ctx.data.run((data) =>
    readCollectionMembers(data, collectionId, ctx.owner, ids),
  );
  if (!members) throw collectionNotFound(collectionId);
  return changeEach(ctx, ids, 'collections_changed', function* (tx, taskId, now) {
    const outcome = yield* setCollectionItem(tx, {
      collectionId,
      taskId,
      owner: ctx.owner,
      member,
      now,
    });
    // Deleted since it was read: the change rolls back.
    if (outcome === 'missing') throw collectionNotFound(collectionId);
    return outcome === 'changed' ? yield* selectTaskRow(tx, taskId, undefined) : undefined;
  });
}
