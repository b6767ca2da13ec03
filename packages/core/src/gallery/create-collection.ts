import { collections } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { newId } from '../ids';
import type { Collection } from '../schemas';
import { byName } from './collection-rows';

export function createCollection(ctx: CoreContext, name: string): Collection {
  if (byName(ctx, name))
    throw new CoreError('CONFLICT', `A collection named "${name}" exists`, 'name');
  const row = { id: newId(ctx.clock.now()), name, createdAt: ctx.clock.now() };
  ctx.db.insert(collections).values(row).run();
  return { ...row, count: 0 };
}
