import { and, inArray } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { rows, type Unit } from '../data/unit-of-work';
import type { AssetRow } from '../schema';

/** The reference images among `ids` that `owner` (absent: anyone) holds, in no order. */
export function* selectAssetRows(
  { db, t }: DataSource,
  ids: readonly string[],
  owner: string | undefined,
): Unit<AssetRow[]> {
  if (ids.length === 0) return [];
  return yield* rows(
    db
      .select()
      .from(t.assets)
      .where(and(inArray(t.assets.id, [...new Set(ids)]), ownedBy(t.assets.owner, owner))),
  );
}

/** `selectAssetRows`, on its own. */
export function findAssetRows(
  data: DataSource,
  ids: readonly string[],
  owner: string | undefined,
): Promise<AssetRow[]> {
  return data.run((source) => selectAssetRows(source, ids, owner));
}
