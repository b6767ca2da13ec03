import type { CoreContext } from '../context';
import type { Collection } from '../schemas';
import { allCollections, withCount } from './collection-rows';

/** Every collection by name, with how many images each holds. */
export function listCollections(ctx: CoreContext): Collection[] {
  return withCount(ctx, allCollections(ctx));
}
