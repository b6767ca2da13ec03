import { inArray } from 'drizzle-orm';
import { assets } from '@genhub/db';
import type { CoreContext } from '../context';
import type { ReferenceImage } from '../providers/types';

/** The bytes of a task's reference images, in the order they were given. */
export async function loadReferences(
  ctx: CoreContext,
  assetIds: string[],
): Promise<ReferenceImage[]> {
  if (assetIds.length === 0) return [];
  const rows = ctx.db.select().from(assets).where(inArray(assets.id, assetIds)).all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return Promise.all(
    assetIds.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        ctx.storage.get(row.file).then((bytes) => ({
          assetId: row.id,
          file: row.file,
          bytes,
          mime: row.mime,
          width: row.width,
          height: row.height,
        })),
      ];
    }),
  );
}
