import type { ModelCapabilities } from '../../schemas';
import { geminiImageModels, geminiNanoBanana } from '../gemini-image-models';

/**
 * OpenRouter's credits are US dollars (one credit, one dollar), and each reply's `usage.cost`
 * says how many; named as such so they never add up with KIE's or nanobanana's credits.
 */
export const openRouterCostUnit = 'USD';

export const openRouterDefaultModel = `google/${geminiNanoBanana}`;

/**
 * The image models genhub offers through OpenRouter. No list prices: OpenRouter's are per
 * token in its credits, and each reply states the charge.
 */
export const openRouterModels: ModelCapabilities[] = geminiImageModels('google/', 'OpenRouter');
