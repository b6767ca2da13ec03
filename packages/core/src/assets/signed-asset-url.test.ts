import { describe, expect, it } from 'vitest';
import { signAssetUrl, verifyAssetSignature } from './signed-asset-url';

describe('signed asset URLs', () => {
  const secret = Buffer.from('s'.repeat(32));
  const now = 1_800_000_000_000;
  const parts = (url: string) => {
    const u = new URL(url);
    return [
      u.searchParams.get('expires') ?? undefined,
      u.searchParams.get('signature') ?? undefined,
    ] as const;
  };

  it('verifies its own URL until it expires, and nothing else', () => {
    const url = signAssetUrl(secret, 'https://hub.example/', 'asset1', now);
    expect(url).toMatch(
      /^https:\/\/hub\.example\/api\/assets\/asset1\/content\?expires=\d+&signature=[\w-]+$/,
    );
    const [expires, signature] = parts(url);
    expect(verifyAssetSignature(secret, 'asset1', expires, signature, now)).toBe(true);
    expect(verifyAssetSignature(secret, 'asset1', expires, signature, now + 3_601_000)).toBe(false);
    expect(verifyAssetSignature(secret, 'asset2', expires, signature, now)).toBe(false);
    expect(verifyAssetSignature(Buffer.from('other'), 'asset1', expires, signature, now)).toBe(
      false,
    );
    expect(
      verifyAssetSignature(secret, 'asset1', String(Number(expires) + 60), signature, now),
    ).toBe(false);
    expect(verifyAssetSignature(secret, 'asset1', undefined, signature, now)).toBe(false);
  });
});
