import { readCollections } from '@genhub/db';
import type { CoreContext } from '../context';
import type { Collection } from '../schemas';

/** Every collection by name, with how many images each holds. */
export async function listCollections(ctx: CoreContext): Promise<Collection[]> {
  const rows = await readCollections(ctx.data, ctx.owner);
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt, count: r.count }));
}
