import { afterEach, describe, expect, it, vi } from 'vitest';
import { GenhubError } from './genhub-error';
import { verifyWebhook } from './verify-webhook';

// The Standard Webhooks specification's published test vector.
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const timestamp = 1614265330;
const body = '{"test": 2432232314}';
const signature = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

const headers = (overrides: Record<string, string> = {}) => ({
  'webhook-id': id,
  'webhook-timestamp': String(timestamp),
  'webhook-signature': signature,
  ...overrides,
});

/** The clock `seconds` after the vector's timestamp. */
function at(seconds: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime((timestamp + seconds) * 1000);
}

function rejection(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('verifyWebhook', () => {
  it('accepts the published test vector and returns the body', () => {
    at(0);
    expect(verifyWebhook(body, headers(), secret)).toEqual({ test: 2432232314 });
  });

  it('accepts bytes, fetch Headers, and Node headers with repeated signatures', () => {
    at(10);
    expect(verifyWebhook(new TextEncoder().encode(body), new Headers(headers()), secret)).toEqual({
      test: 2432232314,
    });
    const node = {
      'Webhook-Id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': ['v1,bm9wZQ==', signature],
    };
    expect(verifyWebhook(body, node, secret)).toEqual({ test: 2432232314 });
  });

  it('accepts one valid signature among several', () => {
    at(0);
    const several = `v1,bm9wZQ== v2,whatever ${signature}`;
    expect(verifyWebhook(body, headers({ 'webhook-signature': several }), secret)).toEqual({
      test: 2432232314,
    });
  });

  it.each([
    ['a changed body', '{"test": 2432232315}', headers(), secret],
    ['another secret', body, headers(), 'whsec_' + btoa('another secret of ours')],
    ['another id', body, headers({ 'webhook-id': 'msg_other' }), secret],
    ['another timestamp', body, headers({ 'webhook-timestamp': String(timestamp + 1) }), secret],
    ['no signature', body, headers({ 'webhook-signature': '' }), secret],
    [
      'a signature without its version',
      body,
      headers({ 'webhook-signature': signature.slice(3) }),
      secret,
    ],
  ])('rejects %s', (_what, rawBody, given, key) => {
    at(0);
    const error = rejection(() => verifyWebhook(rawBody, given, key));
    expect(error).toBeInstanceOf(GenhubError);
    expect(error).toMatchObject({ code: 'INVALID_SIGNATURE' });
  });

  it('allows five minutes either way and no more', () => {
    for (const seconds of [-299, 299]) {
      at(seconds);
      expect(verifyWebhook(body, headers(), secret)).toEqual({ test: 2432232314 });
    }
    for (const seconds of [-301, 301]) {
      at(seconds);
      expect(rejection(() => verifyWebhook(body, headers(), secret))).toMatchObject({
        code: 'INVALID_SIGNATURE',
      });
    }
  });

  it('rejects a secret that is not base64, without repeating it', () => {
    at(0);
    const error = rejection(() => verifyWebhook(body, headers(), 'whsec_not base64 at all!'));
    expect(error).toMatchObject({ code: 'INVALID_SIGNATURE' });
    expect((error as Error).message).not.toContain('not base64 at all');
  });
});
