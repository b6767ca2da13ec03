import sharp from 'sharp';
import { ToolInputError } from '../tool-input-error';

const mimes = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const;

/** The image's real format, from its bytes; a tool input error when it is not PNG, JPEG or WebP. */
export async function imageMime(bytes: Uint8Array, what: string): Promise<string> {
  const format = await sharp(bytes)
    .metadata()
    .then((meta) => meta.format)
    .catch(() => null);
  if (format === 'png' || format === 'jpeg' || format === 'webp') return mimes[format];
  throw new ToolInputError(`${what} is not a PNG, JPEG or WebP image`);
}
