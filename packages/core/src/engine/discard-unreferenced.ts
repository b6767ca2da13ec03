import { isFileReferenced } from '@genhub/db';
import type { CoreContext } from '../context';

/**
 * Deletes stored files that no generation or asset points at and no running work holds
 * (`ctx.fileLeases`): a failed run's results, and what the trash and the retention sweep free.
 */
export async function discardUnreferenced(
  ctx: CoreContext,
  images: { sha256: string; file: string; thumbFile: string }[],
): Promise<void> {
  for (const image of images) {
    await ctx.fileLeases.discard(
      image.sha256,
      () => isFileReferenced(ctx.data, image.sha256),
      async () => {
        await ctx.storage.delete(image.file);
        await ctx.storage.delete(image.thumbFile);
      },
    );
  }
}
