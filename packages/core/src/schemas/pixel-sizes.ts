import type { AspectRatio, aspectRatios } from './task';

type FixedRatio = Exclude<(typeof aspectRatios)[number], 'auto'>;

/** Gemini's 1K output sizes per aspect ratio (providers.md §2). */
export const pixelSizes: Record<FixedRatio, { width: number; height: number }> = {
  '1:1': { width: 1024, height: 1024 },
  '2:3': { width: 832, height: 1248 },
  '3:2': { width: 1248, height: 832 },
  '3:4': { width: 864, height: 1184 },
  '4:3': { width: 1184, height: 864 },
  '4:5': { width: 896, height: 1152 },
  '5:4': { width: 1152, height: 896 },
  '9:16': { width: 768, height: 1344 },
  '16:9': { width: 1344, height: 768 },
  '21:9': { width: 1536, height: 672 },
};

/** The table ratio closest to width:height (for `auto` on an edit). */
export function nearestAspectRatio(width: number, height: number): FixedRatio {
  const target = Math.log(width / height);
  let best: FixedRatio = '1:1';
  let bestDistance = Infinity;
  for (const [ratio, size] of Object.entries(pixelSizes) as [
    FixedRatio,
    (typeof pixelSizes)[FixedRatio],
  ][]) {
    const distance = Math.abs(Math.log(size.width / size.height) - target);
    if (distance < bestDistance) {
      best = ratio;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Output dimensions for a ratio: Gemini's table where it has one, else about a megapixel in
 * that proportion (the extreme ratios); `auto` falls back to square.
 */
export function dimensionsOf(ratio: AspectRatio): { width: number; height: number } {
  if (ratio === 'auto') return pixelSizes['1:1'];
  if (ratio in pixelSizes) return pixelSizes[ratio as FixedRatio];
  const [w = 1, h = 1] = ratio.split(':').map(Number);
  const scale = Math.sqrt((1024 * 1024) / (w * h));
  return { width: Math.round((w * scale) / 16) * 16, height: Math.round((h * scale) / 16) * 16 };
}
