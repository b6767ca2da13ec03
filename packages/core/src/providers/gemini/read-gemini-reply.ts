import { parseReply } from '../parse-reply';
import { ProviderError, type Charge, type GenerateResult } from '../types';
import { geminiBlockReasons } from './gemini-block-reasons';
import { generateContentReply, type GenerateContentReply } from './gemini-reply-schema';

/** Billed output: the answer's tokens and the thinking before it. */
function chargeOf(usage: GenerateContentReply['usageMetadata']): Charge | undefined {
  const { candidatesTokenCount, thoughtsTokenCount } = usage ?? {};
  if (candidatesTokenCount === undefined && thoughtsTokenCount === undefined) return undefined;
  return { amount: (candidatesTokenCount ?? 0) + (thoughtsTokenCount ?? 0), unit: 'output tokens' };
}

/**
 * The image in a successful (2xx) `generateContent` reply, and what it was billed; a reply
 * without one throws, carrying the billed tokens where Google reported them.
 */
export function readGeminiReply(body: unknown): GenerateResult {
  const reply = parseReply(generateContentReply, body, 'The Gemini API', 'a reply');
  const charge = chargeOf(reply.usageMetadata);
  const blockReason = reply.promptFeedback?.blockReason;
  if (blockReason) {
    throw new ProviderError(
      'content_blocked',
      `The Gemini API blocked the prompt (${blockReason})`,
      undefined,
      charge,
    );
  }
  const candidate = reply.candidates?.[0];
  const reason = candidate?.finishReason;
  if (reason && geminiBlockReasons.has(reason)) {
    throw new ProviderError(
      'content_blocked',
      `The Gemini API withheld the image (${reason})`,
      undefined,
      charge,
    );
  }
  // Thought parts (and the interim images among them) are not the answer; the last image is.
  const answer = (candidate?.content?.parts ?? [])
    .filter((part) => !part.thought && part.inlineData?.data)
    .at(-1);
  const last = answer?.inlineData?.data;
  if (!last) {
    throw new ProviderError(
      'no_image',
      reason === 'NO_IMAGE'
        ? 'The Gemini API made no image (NO_IMAGE)'
        : `The Gemini API answered without an image${reason ? ` (${reason})` : ''}`,
      undefined,
      charge,
    );
  }
  return {
    images: [Buffer.from(last, 'base64')],
    charge,
    // An empty signature is no signature: the next turn then sends the image as a reference.
    thoughtSignatures: [answer.thoughtSignature || null],
  };
}
