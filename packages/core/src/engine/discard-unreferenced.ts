import { eq } from 'drizzle-orm';
import { assets, generations } from '@genhub/db';
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
      () =>
        (ctx.db
          .select({ id: generations.id })
          .from(generations)
          .where(eq(generations.sha256, image.sha256))
          .get() ??
          ctx.db
            .select({ id: assets.id })
            .from(assets)
            .where(eq(assets.sha256, image.sha256))
            .get()) !== undefined,
      async () => {
        await ctx.storage.delete(image.file);
        await ctx.storage.delete(image.thumbFile);
      },
    );
  }
}
