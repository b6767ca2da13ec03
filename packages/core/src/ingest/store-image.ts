import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { CoreError } from '../errors';
import type { Storage } from '../storage/storage';
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
 * Storing the same bytes twice writes nothing new.
 */
export async function storeImage(storage: Storage, bytes: Buffer): Promise<StoredImage> {
  const kind = await sniffImage(bytes);
  if (!kind) {
    throw new CoreError('UNSUPPORTED_MEDIA_TYPE', 'Only PNG, JPEG and WebP images are accepted');
  }
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(bytes).metadata());
  } catch {
    // fall through: undecodable
  }
  if (!width || !height) {
    throw new CoreError('UNSUPPORTED_MEDIA_TYPE', 'The image could not be decoded');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = `${sha256}.${kind.ext}`;
  const thumbFile = `${sha256}.thumb.webp`;
  // Content-addressed: writing a file that already exists rewrites the same bytes, so no
  // existence check (two fewer file system calls per image on the hot path).
  const thumb = await sharp(bytes)
    .rotate()
    .resize(thumbnailMaxSide, thumbnailMaxSide, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 78, effort: 2 })
    .toBuffer();
  await Promise.all([storage.put(thumbFile, thumb), storage.put(file, bytes)]);
  return { file, thumbFile, sha256, mime: kind.mime, width, height, bytes: bytes.byteLength };
}
