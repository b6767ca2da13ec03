import { geminiBlockReasons } from '../gemini/gemini-block-reasons';
import { decodeDataUrl } from '../http-json';
import { parseReply } from '../parse-reply';
import { ProviderError, type GenerateResult } from '../types';
import { openRouterCostUnit } from './openrouter-models';
import { openRouterError } from './openrouter-error';
import { chatCompletionReply } from './openrouter-reply-schema';

/**
 * The images in a 200 chat completion and its charge (`usage.cost`); an error inside the
 * 200, or no image, throws, carrying the charge where OpenRouter stated one.
 */
export function readOpenRouterReply(body: unknown): GenerateResult {
  const reply = parseReply(chatCompletionReply, body, 'OpenRouter', 'a reply');
  const cost = reply.usage?.cost;
  const charge = cost === undefined ? undefined : { amount: cost, unit: openRouterCostUnit };
  // Once the model has started, errors come back as a 200 with an `error` field.
  if (reply.error) {
    const code = typeof reply.error.code === 'number' ? reply.error.code : 502;
    throw openRouterError(code, reply.error, undefined, charge);
  }
  const choice = reply.choices?.[0];
  const images = (choice?.message?.images ?? []).flatMap((image) => {
    const bytes = image.image_url ? decodeDataUrl(image.image_url.url) : undefined;
    return bytes ? [bytes] : [];
  });
  if (images.length > 0) return { images, charge };
  const native = choice?.native_finish_reason ?? undefined;
  if (choice?.finish_reason === 'content_filter' || (native && geminiBlockReasons.has(native))) {
    throw new ProviderError(
      'content_blocked',
      `OpenRouter: the model withheld the image (${native ?? 'content_filter'})`,
      undefined,
      charge,
    );
  }
  if (choice?.finish_reason === 'error') {
    throw new ProviderError(
      'provider_unavailable',
      'OpenRouter: the model stopped with an error',
      undefined,
      charge,
    );
  }
  throw new ProviderError(
    'no_image',
    `OpenRouter answered without an image${native ? ` (${native})` : ''}`,
    undefined,
    charge,
  );
}
