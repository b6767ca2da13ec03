import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a provider may fetch a reference image by its signed URL. */
export const signedUrlLifetimeMs = 60 * 60_000;

const signature = (secret: Buffer, assetId: string, expires: number) =>
  createHmac('sha256', secret).update(`${assetId}.${expires}`).digest('base64url');

/** A URL a provider can fetch one uploaded image from, until it expires. */
export function signAssetUrl(
  secret: Buffer,
  publicBaseUrl: string,
  assetId: string,
  nowMs: number,
): string {
  const expires = Math.floor((nowMs + signedUrlLifetimeMs) / 1000);
  const base = publicBaseUrl.replace(/\/$/, '');
  return `${base}/api/assets/${encodeURIComponent(assetId)}/content?expires=${expires}&signature=${signature(secret, assetId, expires)}`;
}

/** Whether a signed asset URL's parameters are genuine and not expired (constant-time compare). */
export function verifyAssetSignature(
  secret: Buffer,
  assetId: string,
  expires: string | undefined,
  given: string | undefined,
  nowMs: number,
): boolean {
  if (!expires || !given || !/^\d+$/.test(expires) || Number(expires) * 1000 < nowMs) return false;
  const expected = Buffer.from(signature(secret, assetId, Number(expires)));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
