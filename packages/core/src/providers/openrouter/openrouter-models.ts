import { aspectRatios, extremeAspectRatios, type ModelCapabilities } from '../../schemas';
import { nanoBananaModel } from '../nano-banana-model';

/**
 * OpenRouter's credits are US dollars (one credit, one dollar), and each reply's `usage.cost`
 * says how many; named as such so they never add up with KIE's or nanobanana's credits.
 */
export const openRouterCostUnit = 'USD';

export const openRouterDefaultModel = 'google/gemini-nano-banana-2.1';

const withExtremeRatios = [...aspectRatios, ...extremeAspectRatios];

/**
 * The image models genhub offers through OpenRouter. Slugs whose upstream model is shut down
 * (the `-preview` ones, 2.5 Flash Image) are left out. No list prices: OpenRouter's are per
 * token in its credits, and each reply states the charge.
 */
export const openRouterModels: ModelCapabilities[] = [
  nanoBananaModel(openRouterDefaultModel, 'Nano Banana 2.1 (OpenRouter)', {
    resolutions: ['1K', '2K', '4K'],
    aspectRatios: withExtremeRatios,
  }),
  // Deprecated upstream in favour of Nano Banana 2.1; the only one with the 0.5K size.
  nanoBananaModel('google/gemini-3.1-flash-image', 'Nano Banana 2 (OpenRouter)', {
    resolutions: ['1K', '0.5K', '2K', '4K'],
    aspectRatios: withExtremeRatios,
  }),
  nanoBananaModel('google/gemini-3-pro-image', 'Nano Banana Pro (OpenRouter)', {
    resolutions: ['1K', '2K', '4K'],
  }),
];
