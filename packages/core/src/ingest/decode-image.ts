import sharp, { type Metadata, type Sharp } from 'sharp';
import { CoreError, isCoreError } from '../errors';
import { ProviderError } from '../providers/types';
import { checkPixelCount } from './check-pixel-count';

export const undecodableMessage = 'The image could not be decoded: it may be truncated or damaged';

const undecodable = () => new CoreError('UNSUPPORTED_MEDIA_TYPE', undecodableMessage, 'file');

/** Errors of our own (typed, or an abort) pass through; anything else came from the decoder. */
const ours = (error: unknown) =>
  isCoreError(error) ||
  error instanceof ProviderError ||
  (error instanceof Error && error.name === 'AbortError');

/**
 * Runs a sharp pipeline on untrusted bytes under the pixel cap. The header is read first
 * (no pixel is decoded) and an image declaring more than `maxPixels` is refused with its
 * size in the message; libvips' own limit backs that up during the decode. A decoder
 * failure (truncated, damaged, not an image) becomes the app's error, never libvips' text.
 */
export async function decodeImage<T>(
  bytes: Buffer,
  maxPixels: number,
  pipeline: (image: Sharp, header: Metadata) => Promise<T>,
): Promise<T> {
  let header: Metadata;
  try {
    header = await sharp(bytes).metadata();
  } catch {
    throw undecodable();
  }
  if (!header.width || !header.height) throw undecodable();
  checkPixelCount(header.width, header.height, maxPixels);
  try {
    return await pipeline(sharp(bytes, { limitInputPixels: maxPixels }), header);
  } catch (error) {
    if (ours(error)) throw error;
    throw undecodable();
  }
}
