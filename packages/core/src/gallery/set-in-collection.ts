import { readCollectionMembers, runNow, setCollectionItem, sqliteDataSource } from '@genhub/db';
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
  const already = new Set(members);
  return changeEach(
    ctx,
    ids,
    'collections_changed',
    (row) => already.has(row.id) !== member,
    (tx, taskId, now) => {
      // Each change and its task event commit together in the change's synchronous
      // transaction (on its connection, `tx`): the unit runs there at once.
      const outcome = runNow(sqliteDataSource(tx), (data) =>
        setCollectionItem(data, { collectionId, taskId, owner: ctx.owner, member, now }),
      );
      // Deleted since it was read: the change rolls back.
      if (outcome === 'missing') throw collectionNotFound(collectionId);
    },
  );
}
