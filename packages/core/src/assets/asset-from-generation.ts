import { eq } from 'drizzle-orm';
import { assets, generations } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { newId } from '../ids';
import type { Asset } from '../schemas';

/** A generated image as a reference image: an asset row sharing the generation's file. */
export function assetFromGeneration(ctx: CoreContext, generationId: string): Asset {
  const g = ctx.db.select().from(generations).where(eq(generations.id, generationId)).get();
  if (!g) throw new CoreError('NOT_FOUND', `Image ${generationId} does not exist`, 'generationId');
  const now = ctx.clock.now();
  const id = newId(now);
  ctx.db
    .insert(assets)
    .values({
      id,
      file: g.file,
      mime: g.mime,
      width: g.width,
      height: g.height,
      bytes: g.bytes,
      sha256: g.sha256,
      name: null,
      createdAt: now,
    })
    .run();
  return {
    id,
    url: ctx.storage.url(g.file),
    width: g.width,
    height: g.height,
    mime: g.mime as Asset['mime'],
    bytes: g.bytes,
  };
}
