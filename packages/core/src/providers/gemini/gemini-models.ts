import { aspectRatios, extremeAspectRatios, type ModelCapabilities } from '../../schemas';
import { nanoBananaModel } from '../nano-banana-model';

const withExtremeRatios = [...aspectRatios, ...extremeAspectRatios];

export const geminiDefaultModel = 'gemini-nano-banana-2.1';

/**
 * The Gemini API's image models on offer. Retired ids (the `-preview` ones and
 * `gemini-2.5-flash-image`) are left out: Google answers them with a 404.
 */
export const geminiModels: ModelCapabilities[] = [
  nanoBananaModel(geminiDefaultModel, 'Nano Banana 2.1 (Gemini API)', {
    resolutions: ['1K', '2K', '4K'],
    aspectRatios: withExtremeRatios,
  }),
  // Deprecated in favour of gemini-nano-banana-2.1 (no shutdown date announced), and the only
  // one that makes 512-pixel images ("0.5K"). Its image alone is 1120 output tokens at 1K;
  // 747 at 512, 1680 at 2K and 2520 at 4K, which one list price per model cannot say.
  nanoBananaModel('gemini-3.1-flash-image', 'Nano Banana 2 (Gemini API)', {
    resolutions: ['1K', '0.5K', '2K', '4K'],
    aspectRatios: withExtremeRatios,
    price: { amount: 1120, unit: 'output tokens' },
  }),
  nanoBananaModel('gemini-3-pro-image', 'Nano Banana Pro (Gemini API)', {
    resolutions: ['1K', '2K', '4K'],
  }),
  // Makes 1K only, so it offers no size to choose (and none is sent).
  nanoBananaModel('gemini-3.1-flash-lite-image', 'Nano Banana 2 Lite (Gemini API)'),
];
