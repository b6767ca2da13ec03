import { aspectRatios, extremeAspectRatios, type ModelCapabilities } from '../schemas';
import { nanoBananaModel } from './nano-banana-model';

/** Google's recommended image model, as the Gemini API names it. */
export const geminiNanoBanana = 'gemini-nano-banana-2.1';

const withExtremeRatios = [...aspectRatios, ...extremeAspectRatios];

/**
 * Google's current Gemini image models, the recommended one first, as a vendor offers them:
 * ids after `idPrefix` ('' on the Gemini API, 'google/' on OpenRouter), labels naming `vendor`.
 * Retired ids (the `-preview` ones, 2.5 Flash Image) are left out: Google answers them 404.
 */
export function geminiImageModels(
  idPrefix: string,
  vendor: string,
  flashImagePrice: ModelCapabilities['price'] = null,
): ModelCapabilities[] {
  return [
    nanoBananaModel(`${idPrefix}${geminiNanoBanana}`, `Nano Banana 2.1 (${vendor})`, {
      resolutions: ['1K', '2K', '4K'],
      aspectRatios: withExtremeRatios,
    }),
    // Deprecated in favour of Nano Banana 2.1, and the only one that makes 512-pixel images.
    nanoBananaModel(`${idPrefix}gemini-3.1-flash-image`, `Nano Banana 2 (${vendor})`, {
      resolutions: ['1K', '0.5K', '2K', '4K'],
      aspectRatios: withExtremeRatios,
      price: flashImagePrice,
    }),
    nanoBananaModel(`${idPrefix}gemini-3-pro-image`, `Nano Banana Pro (${vendor})`, {
      resolutions: ['1K', '2K', '4K'],
    }),
  ];
}
