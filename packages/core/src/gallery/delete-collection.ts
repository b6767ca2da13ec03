import { eq } from 'drizzle-orm';
import { collectionItems, collections } from '@genhub/db';
import type { CoreContext } from '../context';
import { changeEach } from './change-each';
import { mustExist } from './collection-rows';

/** Deletes a collection; its images stay in the gallery (and in other collections). */
export function deleteCollection(ctx: CoreContext, id: string): void {
  mustExist(ctx, id);
  const members = ctx.db
    .select({ taskId: collectionItems.taskId })
    .from(collectionItems)
    .where(eq(collectionItems.collectionId, id))
    .all()
    .map((m) => m.taskId);
  ctx.db.delete(collections).where(eq(collections.id, id)).run();
  // The members' snapshots lose the collection: tell every tab.
  changeEach(
    ctx,
    members,
    'collections_changed',
    () => true,
    () => undefined,
  );
}
