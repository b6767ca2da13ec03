import { createHash, verify, type KeyObject } from 'node:crypto';
import type { FalJwks } from './fal-jwks';

export { FalJwks, ed25519PublicKey } from './fal-jwks';

export const falToleranceSeconds = 300;

/** Whether `signatureHex` is an Ed25519 signature of `message` by `key`. */
export function verifyEd25519(key: KeyObject, message: Buffer, signatureHex: string): boolean {
  if (!/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
  try {
    return verify(null, message, key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}

/** The bytes fal signs: request id, user id, timestamp and the body's SHA-256 (hex), one a line. */
export function falSignedMessage(
  requestId: string,
  userId: string,
  timestamp: string,
  rawBody: Buffer,
): Buffer {
  const digest = createHash('sha256').update(rawBody).digest('hex');
  return Buffer.from(`${requestId}\n${userId}\n${timestamp}\n${digest}`, 'utf8');
}

/** ED25519 over the signed message with any JWKS key, its timestamp within ±300 s of `nowMs`. */
export async function verifyFalWebhook(
  jwks: FalJwks,
  headers: Record<string, string | undefined>,
  rawBody: Buffer,
  nowMs: number,
): Promise<boolean> {
  const requestId = headers['x-fal-webhook-request-id'];
  const userId = headers['x-fal-webhook-user-id'];
  const timestamp = headers['x-fal-webhook-timestamp'];
  const signature = headers['x-fal-webhook-signature'];
  if (!requestId || !userId || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp))
    return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > falToleranceSeconds) return false;
  let keys: KeyObject[];
  try {
    keys = await jwks.get(nowMs);
  } catch {
    return false;
  }
  const message = falSignedMessage(requestId, userId, timestamp, rawBody);
  return keys.some((key) => verifyEd25519(key, message, signature));
}
