import { and, eq } from 'drizzle-orm';
import { assets, type Db } from '@genhub/db';
import type { CoreContext } from '../context';
import { ownerCondition } from '../owners';

/**
 * The generation a new task continues: the one its first input image was made from
 * (`asset.fromGeneration`), or null for an upload or a task without images.
 */
export function parentGenerationOf(
  db: Db,
  ctx: Pick<CoreContext, 'owner'>,
  assetIds: readonly string[],
): string | null {
  const first = assetIds[0];
  if (first === undefined) return null;
  const row = db
    .select({ source: assets.sourceGenerationId })
    .from(assets)
    .where(and(eq(assets.id, first), ownerCondition(ctx, assets.owner)))
    .get();
  return row?.source ?? null;
}
