import { renameCollectionRow } from '@genhub/db';
import type { CoreContext } from '../context';
import type { Collection } from '../schemas';
import { collectionNameTaken } from './collection-name-taken';
import { collectionNotFound } from './collection-not-found';

export async function renameCollection(
  ctx: CoreContext,
  id: string,
  name: string,
): Promise<Collection> {
  const outcome = await ctx.data.transact((tx) => renameCollectionRow(tx, id, ctx.owner, name));
  if (!outcome.ok) {
    throw outcome.reason === 'taken' ? collectionNameTaken(name) : collectionNotFound(id);
  }
  const { collection } = outcome;
  return {
    id: collection.id,
    name: collection.name,
    createdAt: collection.createdAt,
    count: collection.count,
  };
}
