import type { AspectRatio } from '../../schemas';

/** The long side of the local engine's clips: small, so a preview encodes in a moment. */
export const clipLongSide = 320;

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/**
 * A preview clip's size: the ratio asked for exactly (`auto` follows the first image, else
 * 16:9), 320 pixels on its long side, both sides even as H.264 needs.
 */
export function clipSize(
  ratio: AspectRatio,
  firstImage: { width: number; height: number } | undefined,
): { width: number; height: number } {
  const [w = 16, h = 9] =
    ratio === 'auto'
      ? firstImage
        ? [firstImage.width, firstImage.height]
        : [16, 9]
      : ratio.split(':').map(Number);
  const scale = clipLongSide / Math.max(w, h);
  return { width: even(w * scale), height: even(h * scale) };
}
