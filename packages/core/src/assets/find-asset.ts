import { and, eq, inArray } from 'drizzle-orm';
import { assets, type AssetRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { ownerCondition } from '../owners';
import type { Asset } from '../schemas';
import { toAsset } from './to-asset';

export function findAsset(ctx: CoreContext, id: string): AssetRow | undefined {
  return ctx.db
    .select()
    .from(assets)
    .where(and(eq(assets.id, id), ownerCondition(ctx, assets.owner)))
    .get();
}

/** Reference images by id, in the order asked, as clients see them. */
export function findAssets(ctx: CoreContext, ids: string[]): Asset[] {
  const rows = new Map(
    ctx.db
      .select()
      .from(assets)
      .where(and(inArray(assets.id, ids), ownerCondition(ctx, assets.owner)))
      .all()
      .map((r) => [r.id, r]),
  );
  return ids.flatMap((id) => {
    const row = rows.get(id);
    return row ? [toAsset(row, ctx.storage)] : [];
  });
}
