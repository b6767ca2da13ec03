import type { AspectRatio, ModelCapabilities, Resolution } from '@genhub/core';

/** genhub's image sizes by the longer side they stand for. */
const imageSizes: readonly (readonly [Resolution, number])[] = [
  ['0.5K', 512],
  ['1K', 1024],
  ['2K', 2048],
  ['4K', 4096],
];

const logRatio = (ratio: string) => {
  const [w = 1, h = 1] = ratio.split(':').map(Number);
  return Math.log(w / h);
};

/** Whichever of `options` is closest to `target` on a log scale. */
function nearest<T>(options: readonly T[], target: number, valueOf: (option: T) => number) {
  let best: T | undefined;
  for (const option of options) {
    if (best === undefined || Math.abs(valueOf(option) - target) < Math.abs(valueOf(best) - target))
      best = option;
  }
  return best;
}

/**
 * An OpenAI `size` as the model's nearest aspect ratio and, for a model that offers sizes, its
 * nearest size by the longer side (`1792x1024`: 16:9, 1K).
 */
export function shapeOfSize(
  width: number,
  height: number,
  model: Pick<ModelCapabilities, 'aspectRatios' | 'resolutions'>,
): { aspectRatio?: AspectRatio; resolution?: Resolution } {
  const ratios = model.aspectRatios.filter((ratio) => ratio !== 'auto');
  const offered = imageSizes.filter(([size]) => model.resolutions.includes(size));
  const aspectRatio = nearest(ratios, Math.log(width / height), logRatio);
  const resolution = nearest(offered, Math.log(Math.max(width, height)), ([, side]) =>
    Math.log(side),
  )?.[0];
  return {
    ...(aspectRatio === undefined ? {} : { aspectRatio }),
    ...(resolution === undefined ? {} : { resolution }),
  };
}
