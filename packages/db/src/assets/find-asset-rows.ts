import { and, inArray } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import type { AssetRow } from '../schema';

/** The reference images among `ids` that `owner` (absent: anyone) holds, in no order. */
export async function findAssetRows(
  { db, t }: DataSource,
  ids: readonly string[],
  owner: string | undefined,
): Promise<AssetRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(t.assets)
    .where(and(inArray(t.assets.id, [...new Set(ids)]), ownedBy(t.assets.owner, owner)));
}
