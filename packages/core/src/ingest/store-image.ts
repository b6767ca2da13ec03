import { CoreError } from '../errors';
import type { FileLeases } from '../storage/file-leases';
import type { Storage } from '../storage/storage';
import { defaultMaxImagePixels } from './check-pixel-count';
import { decodeImage } from './decode-image';
import { hashBytes } from './hash-bytes';
import { retryStorageWrite, type StoreRetry } from './retry-storage-write';
import { sniffImage, type ImageMime } from './sniff-image';

export interface StoredImage {
  file: string;
  thumbFile: string;
  sha256: string;
  mime: ImageMime;
  width: number;
  height: number;
  bytes: number;
}

export const thumbnailMaxSide = 384;

/**
 * Bytes → sniffed format → content-addressed file + a WebP thumbnail.
 * Storing the same bytes twice writes nothing new. An image over the pixel cap, or one that
 * does not decode to the end (the thumbnail reads every pixel), is refused and nothing is written.
 * A store that fails the writes (after `retry`) rejects with a `StorageWriteError`.
 */
export async function storeImage(
  storage: Storage,
  bytes: Buffer,
  {
    maxPixels = defaultMaxImagePixels,
    leases,
    retry,
    signal,
  }: {
    maxPixels?: number | undefined;
    /** Held for the bytes before they are written; the caller releases it after its commit. */
    leases?: FileLeases | undefined;
    /** Tries again a write the store failed; by default one try. */
    retry?: StoreRetry | undefined;
    /** Stops the tries (not a write under way). */
    signal?: AbortSignal | undefined;
  } = {},
): Promise<StoredImage> {
  const kind = await sniffImage(bytes);
  if (!kind) {
    throw new CoreError('UNSUPPORTED_MEDIA_TYPE', 'Only PNG, JPEG and WebP images are accepted');
  }
  const [{ width, height, thumb }, sha256] = await Promise.all([
    decodeImage(bytes, maxPixels, async (image, header) => ({
      width: header.width,
      height: header.height,
      thumb: await image
        .rotate()
        .resize(thumbnailMaxSide, thumbnailMaxSide, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 78, effort: 2 })
        .toBuffer(),
    })),
    hashBytes(bytes),
  ]);
  const file = `${sha256}.${kind.ext}`;
  const thumbFile = `${sha256}.thumb.webp`;
  // Content-addressed: writing a file that already exists rewrites the same bytes, so no
  // existence check (two fewer file system calls per image on the hot path).
  await leases?.hold(sha256);
  // Both writes end before the lease can go: one failing must not leave the other running.
  const writes = await Promise.allSettled(
    [() => storage.put(thumbFile, thumb), () => storage.put(file, bytes)].map((write) =>
      retryStorageWrite(write, retry, signal),
    ),
  );
  const failed = writes.find((write) => write.status === 'rejected');
  if (failed) {
    leases?.release(sha256);
    throw failed.reason;
  }
  return { file, thumbFile, sha256, mime: kind.mime, width, height, bytes: bytes.byteLength };
}
