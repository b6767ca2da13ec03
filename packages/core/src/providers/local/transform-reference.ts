import { defaultMaxImagePixels } from '../../ingest/check-pixel-count';
import { decodeImage } from '../../ingest/decode-image';
import { encode } from './encode';
import type { RenderSpec } from './render-prompt-image';
import { seededRandom } from './seeded-random';

/**
 * Image-to-image for the offline provider: the reference, cropped to the requested
 * size, re-coloured (hue rotation and saturation) and washed with a gradient, both
 * chosen from the prompt. A real, deterministic transformation of the input pixels.
 */
export async function transformReference(
  reference: Buffer,
  spec: RenderSpec,
  maxPixels = defaultMaxImagePixels,
): Promise<Buffer> {
  const random = seededRandom(`${spec.prompt}\u0000${spec.seed}\u0000${spec.index}\u0000edit`);
  const { width: w, height: h } = spec;
  const strength = spec.strength ?? 0.8;
  // Stronger edits turn the hue further and lay the wash on thicker.
  const hueShift = Math.round((30 + random() * 300) * strength);
  const tint = Math.round(random() * 360);
  const overlay = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<defs><radialGradient id="g" cx="${random().toFixed(2)}" cy="${random().toFixed(2)}" r="0.9">
<stop offset="0" stop-color="hsl(${tint},90%,70%)" stop-opacity="${(0.7 * strength).toFixed(2)}"/>
<stop offset="1" stop-color="hsl(${(tint + 140) % 360},80%,30%)" stop-opacity="${(0.45 * strength).toFixed(2)}"/>
</radialGradient></defs><rect width="${w}" height="${h}" fill="url(#g)"/></svg>`,
  );
  const saturation = 0.9 + random() * 0.6;
  return decodeImage(reference, maxPixels, (image) =>
    encode(
      image
        .rotate()
        .resize(w, h, { fit: 'cover', position: 'attention' })
        .modulate({ hue: hueShift, saturation })
        .composite([{ input: overlay, blend: 'soft-light' }]),
      spec.format,
    ),
  );
}
