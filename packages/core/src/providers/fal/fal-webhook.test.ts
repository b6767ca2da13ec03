import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ed25519PublicKey,
  FalJwks,
  falToleranceSeconds,
  verifyEd25519,
  verifyFalWebhook,
} from './fal-webhook';

const base64url = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');

/** RFC 8032 §7.1, TEST 1 and TEST 2 (Ed25519). */
const rfc8032 = [
  {
    name: 'TEST 1 (empty message)',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2 (one byte, 0x72)',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
];

describe('Ed25519 against RFC 8032 §7.1', () => {
  it.each(rfc8032)('accepts $name', ({ publicKey, message, signature }) => {
    const key = ed25519PublicKey(base64url(publicKey));
    expect(verifyEd25519(key, Buffer.from(message, 'hex'), signature)).toBe(true);
    expect(verifyEd25519(key, Buffer.from(message, 'hex'), signature.toUpperCase())).toBe(true);
  });

  it.each(rfc8032)('refuses $name with a changed message, signature or key', (v) => {
    const key = ed25519PublicKey(base64url(v.publicKey));
    const flipped = (v.signature[0] === '0' ? '1' : '0') + v.signature.slice(1);
    expect(verifyEd25519(key, Buffer.from(`${v.message}00`, 'hex'), v.signature)).toBe(false);
    expect(verifyEd25519(key, Buffer.from(v.message, 'hex'), flipped)).toBe(false);
    expect(verifyEd25519(key, Buffer.from(v.message, 'hex'), v.signature.slice(2))).toBe(false);
    expect(verifyEd25519(key, Buffer.from(v.message, 'hex'), 'zz'.repeat(64))).toBe(false);
    const other = rfc8032.find((o) => o !== v)!;
    expect(
      verifyEd25519(
        ed25519PublicKey(base64url(other.publicKey)),
        Buffer.from(v.message, 'hex'),
        v.signature,
      ),
    ).toBe(false);
  });
});

describe('fal webhook signatures, keys from a JWKS', () => {
  const signer = generateKeyPairSync('ed25519');
  const stranger = generateKeyPairSync('ed25519');
  let server: Server;
  let jwksUrl = '';
  let fetches = 0;

  beforeAll(async () => {
    const jwk = signer.publicKey.export({ format: 'jwk' });
    server = createServer((_req, res) => {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          keys: [
            { kty: 'RSA', n: 'AQAB', e: 'AQAB' },
            { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: 'test' },
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const body = Buffer.from('{"request_id":"req-1","status":"OK","payload":{"images":[]}}');
  const timestamp = 1_780_000_000;
  const now = timestamp * 1000;

  /** Signs the documented message, built here rather than by the code under test. */
  function headers(
    overrides: { key?: typeof signer.privateKey; ts?: number; signedBody?: Buffer } = {},
  ): Record<string, string> {
    const ts = String(overrides.ts ?? timestamp);
    const digest = createHash('sha256')
      .update(overrides.signedBody ?? body)
      .digest('hex');
    const message = Buffer.from(`req-1\nuser-9\n${ts}\n${digest}`, 'utf8');
    return {
      'x-fal-webhook-request-id': 'req-1',
      'x-fal-webhook-user-id': 'user-9',
      'x-fal-webhook-timestamp': ts,
      'x-fal-webhook-signature': sign(null, message, overrides.key ?? signer.privateKey).toString(
        'hex',
      ),
    };
  }

  it('accepts the documented message signed by a key in the JWKS, and caches the keys', async () => {
    const jwks = new FalJwks(jwksUrl);
    const before = fetches;
    expect(await verifyFalWebhook(jwks, headers(), body, now)).toBe(true);
    expect(await verifyFalWebhook(jwks, headers(), body, now + 60_000)).toBe(true);
    expect(fetches - before).toBe(1);
  });

  it('holds for 300 s either side of the timestamp, and not a second more', async () => {
    const jwks = new FalJwks(jwksUrl);
    expect(falToleranceSeconds).toBe(300);
    expect(await verifyFalWebhook(jwks, headers(), body, now + 300_000)).toBe(true);
    expect(await verifyFalWebhook(jwks, headers(), body, now - 300_000)).toBe(true);
    expect(await verifyFalWebhook(jwks, headers(), body, now + 301_000)).toBe(false);
    expect(await verifyFalWebhook(jwks, headers(), body, now - 301_000)).toBe(false);
  });

  it('refuses another key, another body, a changed header and a missing one', async () => {
    const jwks = new FalJwks(jwksUrl);
    expect(await verifyFalWebhook(jwks, headers({ key: stranger.privateKey }), body, now)).toBe(
      false,
    );
    const other = Buffer.from('{"request_id":"req-2","status":"OK"}');
    expect(await verifyFalWebhook(jwks, headers(), other, now)).toBe(false);
    expect(await verifyFalWebhook(jwks, headers({ signedBody: other }), body, now)).toBe(false);
    expect(
      await verifyFalWebhook(jwks, { ...headers(), 'x-fal-webhook-user-id': 'user-8' }, body, now),
    ).toBe(false);
    const { 'x-fal-webhook-signature': _dropped, ...unsigned } = headers();
    expect(await verifyFalWebhook(jwks, unsigned, body, now)).toBe(false);
  });

  it('refuses every webhook when the JWKS cannot be fetched', async () => {
    const jwks = new FalJwks('http://127.0.0.1:1/.well-known/jwks.json');
    expect(await verifyFalWebhook(jwks, headers(), body, now)).toBe(false);
  });
});
