import { insertAssetFromGeneration } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { newId } from '../ids';
import type { Asset } from '../schemas';
import { toAsset } from './to-asset';

/** A generated image as a reference image: an asset row sharing the generation's file. */
export async function assetFromGeneration(ctx: CoreContext, generationId: string): Promise<Asset> {
  const now = ctx.clock.now();
  const { generation, asset } = await ctx.data.transact((tx) =>
    insertAssetFromGeneration(tx, {
      generationId,
      owner: ctx.owner,
      id: newId(now),
      createdAt: now,
    }),
  );
  if (!generation) {
    throw new CoreError('NOT_FOUND', `Image ${generationId} does not exist`, 'generationId');
  }
  if (!asset) {
    throw new CoreError(
      'UNSUPPORTED_MEDIA_TYPE',
      'A video cannot be a reference image; use a still instead',
      'generationId',
    );
  }
  return toAsset(asset, ctx.storage);
}
