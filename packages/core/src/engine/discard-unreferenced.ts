import { eq } from 'drizzle-orm';
import { assets, generations } from '@genhub/db';
import type { CoreContext } from '../context';

/** Deletes stored files that no generation or asset points at (a late result of a canceled task). */
export async function discardUnreferenced(
  ctx: CoreContext,
  images: { sha256: string; file: string; thumbFile: string }[],
  inUse: (sha256: string) => boolean,
): Promise<void> {
  for (const image of images) {
    if (inUse(image.sha256)) continue;
    const referenced =
      ctx.db
        .select({ id: generations.id })
        .from(generations)
        .where(eq(generations.sha256, image.sha256))
        .get() ??
      ctx.db.select({ id: assets.id }).from(assets).where(eq(assets.sha256, image.sha256)).get();
    if (referenced) continue;
    await ctx.storage.delete(image.file);
    await ctx.storage.delete(image.thumbFile);
  }
}
