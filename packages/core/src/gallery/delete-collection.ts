import { deleteCollectionRow, selectTaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { changeEach } from './change-each';
import { collectionNotFound } from './collection-not-found';

/** Deletes a collection; its images stay in the gallery (and in other collections). */
export async function deleteCollection(ctx: CoreContext, id: string): Promise<void> {
  const members = await ctx.data.transact((tx) => deleteCollectionRow(tx, id, ctx.owner));
  if (!members) throw collectionNotFound(id);
  // The members' snapshots lose the collection: tell every tab (of those still there).
  await changeEach(ctx, members, 'collections_changed', (tx, taskId) =>
    selectTaskRow(tx, taskId, ctx.owner),
  );
}
