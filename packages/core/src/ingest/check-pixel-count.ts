import { CoreError } from '../errors';

/** The default cap on decoded pixels (about 50 MP: 8660×5773, or a 7071×7071 square). */
export const defaultMaxImagePixels = 50_000_000;

const megapixels = (pixels: number) =>
  pixels >= 1_000_000
    ? `${(pixels / 1_000_000).toFixed(1)} MP`
    : `${pixels.toLocaleString('en-US')} pixels`;

/** Refuses an image whose declared size is over the cap, before a pixel of it is decoded. */
export function checkPixelCount(width: number, height: number, maxPixels: number): void {
  const pixels = width * height;
  if (pixels > maxPixels) {
    throw new CoreError(
      'IMAGE_TOO_LARGE',
      `The image is ${width}×${height} (${megapixels(pixels)}); ` +
        `images of at most ${megapixels(maxPixels)} are accepted`,
      'file',
    );
  }
}
