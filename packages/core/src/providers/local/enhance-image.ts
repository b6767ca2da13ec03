import { defaultMaxImagePixels } from '../../ingest/check-pixel-count';
import { decodeImage } from '../../ingest/decode-image';
import type { OperationOptions, OutputFormat } from '../../schemas';
import { ProviderError } from '../types';
import { encode } from './encode';

/** The largest side an upscale may produce. */
export const maxUpscaledSide = 8192;

/**
 * Classical enhancement: `upscale` is a Lanczos-3 resize by 2 or 4 followed by a light
 * unsharp mask; `denoise` a 3×3 median filter; `color` a 1–99 % levels stretch with a
 * small saturation lift. All of it is libvips' work, on libuv's pool. An upscale whose result
 * would pass the side limit or the pixel cap is refused.
 */
export async function enhanceImage(
  input: Buffer,
  options: OperationOptions,
  format: OutputFormat,
  maxPixels = defaultMaxImagePixels,
): Promise<Buffer> {
  return decodeImage(input, maxPixels, (decoded, meta) => {
    const image = decoded.rotate();
    switch (options.enhancement ?? 'upscale') {
      case 'upscale': {
        const factor = options.upscaleFactor ?? 2;
        // EXIF orientations 5–8 are turned a quarter, so the upright image's sides swap.
        const turned = (meta.orientation ?? 1) >= 5;
        const [width, height] = turned ? [meta.height, meta.width] : [meta.width, meta.height];
        const [w, h] = [width * factor, height * factor];
        if (Math.max(w, h) > maxUpscaledSide) {
          throw new ProviderError(
            'invalid_request',
            `A ${width}×${height} image upscaled ×${factor} would exceed ${maxUpscaledSide} px; choose ×2 or a smaller image`,
          );
        }
        if (w * h > maxPixels) {
          throw new ProviderError(
            'invalid_request',
            `A ${width}×${height} image upscaled ×${factor} would be ${w}×${h}, more than the ${maxPixels} pixels allowed; choose ×2 or a smaller image`,
          );
        }
        return encode(image.resize(w, h, { kernel: 'lanczos3' }).sharpen({ sigma: 0.8 }), format);
      }
      case 'denoise':
        return encode(image.median(3), format);
      case 'color':
        return encode(
          image.normalise({ lower: 1, upper: 99 }).modulate({ saturation: 1.12 }),
          format,
        );
    }
  });
}
