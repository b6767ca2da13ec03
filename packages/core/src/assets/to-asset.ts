import type { AssetRow } from '@genhub/db';
import type { Asset } from '../schemas';
import type { Storage } from '../storage/storage';

/** An asset row as clients see it. */
export function toAsset(
  row: Pick<AssetRow, 'id' | 'file' | 'width' | 'height' | 'mime' | 'bytes' | 'name'>,
  storage: Storage,
): Asset {
  return {
    id: row.id,
    url: storage.url(row.file),
    width: row.width,
    height: row.height,
    // Only accepted formats are ever stored (sniffed from the bytes).
    mime: row.mime as Asset['mime'],
    bytes: row.bytes,
    name: row.name,
  };
}
