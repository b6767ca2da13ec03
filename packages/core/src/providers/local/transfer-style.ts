import sharp from 'sharp';
import { defaultMaxImagePixels } from '../../ingest/check-pixel-count';
import { decodeImage } from '../../ingest/decode-image';
import type { OutputFormat } from '../../schemas';
import { encode } from './encode';
import { labTransfer } from './lab-transfer';

function rgbPixels(input: Buffer, maxPixels: number, maxSide?: number) {
  return decodeImage(input, maxPixels, (image) => {
    let upright = image.rotate().removeAlpha();
    if (maxSide)
      upright = upright.resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true });
    return upright.raw().toBuffer({ resolveWithObject: true });
  });
}

/**
 * Reinhard et al. colour transfer in CIE Lab (see `labTransfer`): the content's per-channel
 * mean and standard deviation are moved to the style image's, blended by `strength`
 * (0.1–1). Transfers the palette and contrast of the style, not its brush strokes; the
 * content keeps its size. The local provider runs it in a pixel worker (see pixel-worker.ts).
 */
export async function transferStyle(
  content: Buffer,
  style: Buffer,
  options: { strength: number; format: OutputFormat; maxPixels?: number },
): Promise<Buffer> {
  const maxPixels = options.maxPixels ?? defaultMaxImagePixels;
  const [source, target] = await Promise.all([
    rgbPixels(content, maxPixels),
    rgbPixels(style, maxPixels, 512),
  ]);
  const out = labTransfer(source.data, target.data, options.strength);
  const { width, height } = source.info;
  return encode(
    sharp(Buffer.from(out.buffer), { raw: { width, height, channels: 3 } }),
    options.format,
  );
}
