import { findAssetRows } from '@genhub/db';
import type { CoreContext } from '../context';
import { ProviderError, type ReferenceImage } from '../providers/types';

const missing = (assetId: string) =>
  new ProviderError(
    'reference_missing',
    `Reference image ${assetId} is no longer stored; upload it again`,
  );

/**
 * The bytes of a task's reference images, in the order they were given. A reference whose
 * asset or file is gone fails the task as `reference_missing`, which no retry can fix.
 */
export async function loadReferences(
  ctx: CoreContext,
  assetIds: string[],
): Promise<ReferenceImage[]> {
  if (assetIds.length === 0) return [];
  // Whoever acts, a task's references are read: the task was checked when it was created.
  const rows = await findAssetRows(ctx.data, assetIds, undefined);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return Promise.all(
    assetIds.map(async (id) => {
      const row = byId.get(id);
      if (!row) throw missing(id);
      let bytes: Buffer;
      try {
        bytes = await ctx.storage.get(row.file);
      } catch (error) {
        if (!(await ctx.storage.has(row.file))) throw missing(id);
        throw error;
      }
      return {
        assetId: row.id,
        file: row.file,
        bytes,
        mime: row.mime,
        width: row.width,
        height: row.height,
      };
    }),
  );
}
