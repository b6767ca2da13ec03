import * as crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  signStandardWebhook,
  verifyStandardWebhook,
  webhookToleranceSeconds,
} from './standard-webhooks';

// Spy on the comparison so the test can see it is the constant-time one.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

/** The published vector of the Standard Webhooks reference library ("sign function works"). */
const vector = {
  key: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const headers = (signature = vector.signature, timestamp = String(vector.timestamp)) => ({
  'webhook-id': vector.id,
  'webhook-timestamp': timestamp,
  'webhook-signature': signature,
});
const atVector = vector.timestamp * 1000;
const verify = (
  h: Record<string, string | undefined>,
  nowMs = atVector,
  body: string = vector.body,
) => verifyStandardWebhook(vector.key, h, Buffer.from(body), nowMs);

describe('Standard Webhooks (Replicate) against the published vector', () => {
  afterEach(() => vi.mocked(crypto.timingSafeEqual).mockClear());

  it('accepts the published signature at its own time, comparing in constant time', () => {
    expect(verify(headers())).toBe(true);
    expect(crypto.timingSafeEqual).toHaveBeenCalled();
  });

  it('signs the vector to the published signature', () => {
    expect(signStandardWebhook(vector.key, vector.id, vector.timestamp, vector.body)).toBe(
      vector.signature,
    );
  });

  it('holds the signature for 300 s either side of its timestamp, and not a second more', () => {
    expect(webhookToleranceSeconds).toBe(300);
    expect(verify(headers(), atVector + 300_000)).toBe(true);
    expect(verify(headers(), atVector - 300_000)).toBe(true);
    expect(verify(headers(), atVector + 301_000)).toBe(false);
    expect(verify(headers(), atVector - 301_000)).toBe(false);
  });

  it('accepts the matching entry among several, and skips other versions', () => {
    const good = vector.signature.slice(3);
    expect(verify(headers(`v1,${'A'.repeat(43)}= ${vector.signature}`))).toBe(true);
    expect(verify(headers(`v1a,${good}`))).toBe(false);
    expect(verify(headers(`v2,${good}`))).toBe(false);
  });

  it('refuses a changed body, id, timestamp or signature', () => {
    expect(verify(headers(), atVector, '{"test": 2432232315}')).toBe(false);
    expect(verify({ ...headers(), 'webhook-id': 'msg_other' })).toBe(false);
    expect(verify(headers(vector.signature, String(vector.timestamp + 1)))).toBe(false);
    const flipped = `v1,h${vector.signature.slice(4)}`;
    expect(verify(headers(flipped))).toBe(false);
  });

  it('refuses a truncated signature, a missing header and a timestamp that is not a number', () => {
    expect(verify(headers(vector.signature.slice(0, 20)))).toBe(false);
    expect(verify(headers('v1,'))).toBe(false);
    expect(verify({ ...headers(), 'webhook-signature': undefined })).toBe(false);
    expect(verify(headers(vector.signature, '1614265330.0'))).toBe(false);
    expect(verify(headers(vector.signature, ''))).toBe(false);
  });

  it('refuses the vector under another key', () => {
    const other = `whsec_${Buffer.from('another key entirely').toString('base64')}`;
    expect(verifyStandardWebhook(other, headers(), Buffer.from(vector.body), atVector)).toBe(false);
  });
});
