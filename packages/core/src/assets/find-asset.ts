import { eq, inArray } from 'drizzle-orm';
import { assets, type AssetRow } from '@genhub/db';
import type { CoreContext } from '../context';
import type { Asset } from '../schemas';
import { toAsset } from './to-asset';

export function findAsset(ctx: CoreContext, id: string): AssetRow | undefined {
  return ctx.db.select().from(assets).where(eq(assets.id, id)).get();
}

/** Reference images by id, in the order asked, as clients see them. */
export function findAssets(ctx: CoreContext, ids: string[]): Asset[] {
  const rows = new Map(
    ctx.db
      .select()
      .from(assets)
      .where(inArray(assets.id, ids))
      .all()
      .map((r) => [r.id, r]),
  );
  return ids.flatMap((id) => {
    const row = rows.get(id);
    return row ? [toAsset(row, ctx.storage)] : [];
  });
}
