import sharp from 'sharp';
import { defaultMaxImagePixels } from '../../ingest/check-pixel-count';
import { decodeImage } from '../../ingest/decode-image';
import type { OutputFormat } from '../../schemas';
import { backgroundMask } from './background-mask';
import { encode } from './encode';

export interface RemoveBackgroundOptions {
  edgeSmooth: boolean;
  returnMask: boolean;
  format: OutputFormat;
  maxPixels?: number;
}

/**
 * Classical background removal: the background is whatever is connected to the image's
 * border and close in colour to the border's median colour (see `backgroundMask`). Those
 * pixels become transparent; the optional smoothing feathers the edge. Works well on
 * product shots and portraits on plain backdrops, not on busy scenes. The local provider
 * runs it in a pixel worker (see pixel-worker.ts): the pixels never reach the event loop.
 */
export async function removeBackground(
  input: Buffer,
  options: RemoveBackgroundOptions,
): Promise<Buffer[]> {
  const { data, info } = await decodeImage(
    input,
    options.maxPixels ?? defaultMaxImagePixels,
    (image) => image.rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true }),
  );
  const { width, height } = info;
  const alpha = Buffer.from(backgroundMask(data, width, height).buffer);
  const raw = { raw: { width, height, channels: 1 as const } };
  const mask = options.edgeSmooth
    ? await sharp(alpha, raw).blur(1.2).extractChannel(0).raw().toBuffer()
    : alpha;
  const cutout = sharp(data, { raw: { width, height, channels: 3 } }).joinChannel(mask, raw);
  const images = [await encode(cutout, options.format)];
  if (options.returnMask)
    images.push(await encode(sharp(mask, raw).toColourspace('b-w'), options.format));
  return images;
}
