import { eq } from 'drizzle-orm';
import { assets, type AssetRow } from '@genhub/db';
import type { CoreContext } from '../context';

export function findAsset(ctx: CoreContext, id: string): AssetRow | undefined {
  return ctx.db.select().from(assets).where(eq(assets.id, id)).get();
}
