import { findAssetRows, type AssetRow } from '@genhub/db';
import type { CoreContext } from '../context';
import type { Asset } from '../schemas';
import { toAsset } from './to-asset';

export async function findAsset(ctx: CoreContext, id: string): Promise<AssetRow | undefined> {
  const [row] = await findAssetRows(ctx.data, [id], ctx.owner);
  return row;
}

/** Reference images by id, in the order asked, as clients see them. */
export async function findAssets(ctx: CoreContext, ids: string[]): Promise<Asset[]> {
  const rows = new Map((await findAssetRows(ctx.data, ids, ctx.owner)).map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = rows.get(id);
    return row ? [toAsset(row, ctx.storage)] : [];
  });
}
