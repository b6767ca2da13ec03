import { createPublicKey, type KeyObject } from 'node:crypto';
import { falJwksReply } from './fal-replies';

const jwksLifetimeMs = 24 * 60 * 60_000;
const jwksTimeoutMs = 10_000;

/** An Ed25519 public key from a JWK's `x` (the raw 32-byte key, base64url). */
export function ed25519PublicKey(x: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/** fal.ai's webhook public keys, fetched from the JWKS URL and kept for a day. */
export class FalJwks {
  private keys: KeyObject[] = [];
  private fetchedAt = -Infinity;
  private pending: Promise<KeyObject[]> | undefined;

  constructor(private readonly url: string) {}

  /** The keys; throws when they cannot be fetched or read (callers refuse the webhook). */
  async get(now: number): Promise<KeyObject[]> {
    if (now - this.fetchedAt < jwksLifetimeMs && this.keys.length > 0) return this.keys;
    this.pending ??= this.fetch(now).finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetch(now: number): Promise<KeyObject[]> {
    const response = await fetch(this.url, { signal: AbortSignal.timeout(jwksTimeoutMs) });
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
    const { keys } = falJwksReply.parse(await response.json());
    this.keys = keys.flatMap((k) => {
      if (k.kty !== 'OKP' || k.crv !== 'Ed25519' || !k.x) return [];
      try {
        return [ed25519PublicKey(k.x)];
      } catch {
        return [];
      }
    });
    this.fetchedAt = now;
    return this.keys;
  }
}
