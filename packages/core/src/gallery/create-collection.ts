import { insertCollectionRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { newId } from '../ids';
import type { Collection } from '../schemas';
import { collectionNameTaken } from './collection-name-taken';

export async function createCollection(ctx: CoreContext, name: string): Promise<Collection> {
  const now = ctx.clock.now();
  const row = { id: newId(now), name, createdAt: now };
  const stored = await ctx.data.run((data) =>
    insertCollectionRow(data, { ...row, owner: ctx.owner ?? null }),
  );
  if (!stored) throw collectionNameTaken(name);
  return { ...row, count: 0 };
}
