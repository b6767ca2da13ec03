import { and, eq, getTableColumns } from 'drizzle-orm';
import { assets, generations, tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { newId } from '../ids';
import { ownerCondition } from '../owners';
import type { Asset } from '../schemas';
import { toAsset } from './to-asset';

/** A generated image as a reference image: an asset row sharing the generation's file. */
export function assetFromGeneration(ctx: CoreContext, generationId: string): Asset {
  const g = ctx.db
    .select(getTableColumns(generations))
    .from(generations)
    .innerJoin(tasks, eq(tasks.id, generations.taskId))
    .where(and(eq(generations.id, generationId), ownerCondition(ctx, tasks.owner)))
    .get();
  if (!g) throw new CoreError('NOT_FOUND', `Image ${generationId} does not exist`, 'generationId');
  if (g.durationMs !== null) {
    throw new CoreError(
      'UNSUPPORTED_MEDIA_TYPE',
      'A video cannot be a reference image; use a still instead',
      'generationId',
    );
  }
  const now = ctx.clock.now();
  const { file, mime, width, height, bytes, sha256 } = g;
  const row = {
    id: newId(now),
    file,
    mime,
    width,
    height,
    bytes,
    sha256,
    name: null,
    createdAt: now,
  };
  ctx.db
    .insert(assets)
    .values({ ...row, owner: ctx.owner ?? null, sourceGenerationId: generationId })
    .run();
  return toAsset(row, ctx.storage);
}
