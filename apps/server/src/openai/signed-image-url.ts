import { createHmac, timingSafeEqual } from 'node:crypto';
import { signedUrlLifetimeMs } from '@genhub/core';

// Its own purpose in the signed text, so no asset link's signature passes for an image's.
const signature = (secret: Buffer, generationId: string, expires: number) =>
  createHmac('sha256', secret)
    .update(`openai-image.${generationId}.${expires}`)
    .digest('base64url');

/** A link anyone holding it can fetch one generated image from for an hour (`url` answers). */
export function signImageUrl(
  secret: Buffer,
  baseUrl: string,
  generationId: string,
  nowMs: number,
): string {
  const expires = Math.floor((nowMs + signedUrlLifetimeMs) / 1000);
  const path = `/v1/images/${encodeURIComponent(generationId)}/content`;
  return `${baseUrl.replace(/\/$/, '')}${path}?expires=${expires}&signature=${signature(secret, generationId, expires)}`;
}

/** Whether an image link's parameters are genuine and not expired (constant-time compare). */
export function verifyImageSignature(
  secret: Buffer,
  generationId: string,
  expires: string | undefined,
  given: string | undefined,
  nowMs: number,
): boolean {
  if (!expires || !given || !/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < nowMs) {
    return false;
  }
  const expected = Buffer.from(signature(secret, generationId, Number(expires)));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
