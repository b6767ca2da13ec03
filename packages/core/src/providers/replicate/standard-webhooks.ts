import { createHmac, timingSafeEqual } from 'node:crypto';

export const webhookToleranceSeconds = 300;

/**
 * Standard Webhooks (Replicate's scheme): base64 HMAC-SHA256 with the `whsec_` secret over
 * `id.timestamp.rawBody`; any `v1,` signature may match (others, such as `v1a`, are skipped);
 * timestamps within five minutes of `nowMs`; constant-time comparison.
 */
export function verifyStandardWebhook(
  secret: string,
  headers: Record<string, string | undefined>,
  rawBody: Buffer,
  nowMs: number,
): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > webhookToleranceSeconds) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), rawBody]))
    .digest();
  return signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** Signs like a Standard Webhooks sender (its known-answer test pins the scheme). */
export function signStandardWebhook(
  secret: string,
  id: string,
  timestamp: number,
  rawBody: string,
): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`).digest('base64')}`;
}
