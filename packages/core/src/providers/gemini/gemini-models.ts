import type { ModelCapabilities } from '../../schemas';
import { geminiImageModels, geminiNanoBanana } from '../gemini-image-models';
import { nanoBananaModel } from '../nano-banana-model';

export const geminiDefaultModel = geminiNanoBanana;

/** The Gemini API's image models on offer. */
export const geminiModels: ModelCapabilities[] = [
  // gemini-3.1-flash-image's image alone is 1120 output tokens at 1K; 747 at 512, 1680 at 2K
  // and 2520 at 4K, which one list price per model cannot say.
  ...geminiImageModels('', 'Gemini API', { amount: 1120, unit: 'output tokens' }),
  // Makes 1K only, so it offers no size to choose (and none is sent).
  nanoBananaModel('gemini-3.1-flash-lite-image', 'Nano Banana 2 Lite (Gemini API)'),
];
