import { fileTypeFromBuffer } from 'file-type';
import { acceptedImageMimes } from '../schemas';

export type ImageMime = (typeof acceptedImageMimes)[number];

/** The file extension of each accepted image format. */
export const imageExtensions: Record<ImageMime, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/** The real format from the magic number, or null when it is not a PNG, JPEG or WebP. */
export async function sniffImage(
  bytes: Uint8Array,
): Promise<{ mime: ImageMime; ext: string } | null> {
  const type = await fileTypeFromBuffer(bytes);
  const mime = acceptedImageMimes.find((m) => m === type?.mime);
  return mime ? { mime, ext: imageExtensions[mime] } : null;
}
