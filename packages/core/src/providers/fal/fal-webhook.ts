import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

export const falToleranceSeconds = 300;
const jwksLifetimeMs = 24 * 60 * 60_000;

interface Jwk {
  kty?: string;
  crv?: string;
  x?: string;
}

/** fal.ai's webhook public keys, fetched from the JWKS URL and cached for a day. */
export class FalJwks {
  private keys: KeyObject[] = [];
  private fetchedAt = -Infinity;

  constructor(private readonly url: string) {}

  async get(now: number): Promise<KeyObject[]> {
    if (now - this.fetchedAt < jwksLifetimeMs && this.keys.length > 0) return this.keys;
    const response = await fetch(this.url);
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
    const { keys = [] } = (await response.json()) as { keys?: Jwk[] };
    this.keys = keys
      .filter((k) => k.kty === 'OKP' && k.crv === 'Ed25519' && typeof k.x === 'string')
      .map((k) => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.x }, format: 'jwk' }));
    this.fetchedAt = now;
    return this.keys;
  }
}

/** The bytes fal signs (providers.md §4). */
export function falSignedMessage(
  requestId: string,
  userId: string,
  timestamp: string,
  rawBody: Buffer,
): Buffer {
  const digest = createHash('sha256').update(rawBody).digest('hex');
  return Buffer.from(`${requestId}\n${userId}\n${timestamp}\n${digest}`, 'utf8');
}

/** ED25519 over the signed message with any JWKS key; timestamp within ±300 s. */
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
  if (
    !requestId ||
    !userId ||
    !timestamp ||
    !signature ||
    !/^\d+$/.test(timestamp) ||
    !/^[0-9a-f]+$/i.test(signature)
  ) {
    return false;
  }
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > falToleranceSeconds) return false;
  const message = falSignedMessage(requestId, userId, timestamp, rawBody);
  const bytes = Buffer.from(signature, 'hex');
  let keys: KeyObject[];
  try {
    keys = await jwks.get(nowMs);
  } catch {
    return false;
  }
  return keys.some((key) => {
    try {
      return verify(null, message, key, bytes);
    } catch {
      return false;
    }
  });
}
