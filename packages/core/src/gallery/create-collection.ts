import { collections } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { newId } from '../ids';
import type { Collection } from '../schemas';
import { byName } from './collection-rows';

export function createCollection(ctx: CoreContext, name: string): Collection {
  if (byName(ctx, name))
    throw new CoreError('CONFLICT', `A collection named "${name}" exists`, 'name');
  const now = ctx.clock.now();
  const row = { id: newId(now), name, createdAt: now };
  ctx.db
    .insert(collections)
    .values({ ...row, owner: ctx.owner ?? null })
    .run();
  return { ...row, count: 0 };
}
