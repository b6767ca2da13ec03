import { eq } from 'drizzle-orm';
import { collections } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { Collection } from '../schemas';
import { byName, mustExist, withCount } from './collection-rows';

export function renameCollection(ctx: CoreContext, id: string, name: string): Collection {
  mustExist(ctx, id);
  const clash = byName(ctx, name);
  if (clash && clash.id !== id)
    throw new CoreError('CONFLICT', `A collection named "${name}" exists`, 'name');
  ctx.db.update(collections).set({ name }).where(eq(collections.id, id)).run();
  return withCount(ctx, [mustExist(ctx, id)])[0] as Collection;
}
