import { insertAssetRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { newId } from '../ids';
import { storeImage } from '../ingest/store-image';
import { maxUploadBytes, type Asset } from '../schemas';
import { toAsset } from './to-asset';
import { uploadFileName } from './upload-file-name';

/** Stores an uploaded reference image after checking its size, real format and pixel count. */
export async function createAsset(
  ctx: CoreContext,
  bytes: Buffer,
  /** The uploaded file's name, by which a plan may refer to it. */
  name?: string,
): Promise<Asset> {
  if (bytes.byteLength > maxUploadBytes) {
    throw new CoreError(
      'PAYLOAD_TOO_LARGE',
      `An image may be at most ${maxUploadBytes / 1024 / 1024} MB`,
      'file',
    );
  }
  if (bytes.byteLength === 0) throw new CoreError('INVALID_INPUT', 'The file is empty', 'file');
  const stored = await storeImage(ctx.storage, bytes, {
    maxPixels: ctx.maxImagePixels,
    leases: ctx.fileLeases,
  });
  const now = ctx.clock.now();
  const row = {
    id: newId(now),
    file: stored.file,
    mime: stored.mime,
    width: stored.width,
    height: stored.height,
    bytes: stored.bytes,
    sha256: stored.sha256,
    name: uploadFileName(name),
    createdAt: now,
  };
  try {
    await ctx.data.run((data) => insertAssetRow(data, { ...row, owner: ctx.owner ?? null }));
  } finally {
    ctx.fileLeases.release(stored.sha256);
  }
  return toAsset(row, ctx.storage);
}
