import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../rate-limiter';
import { kieError } from './kie-errors';
import { kieCallbackTaskId, verifyKieSignature } from './kie-webhook';

describe('KIE.ai error codes', () => {
  it.each([
    [401, 'x', 'unauthorized'],
    [402, 'x', 'insufficient_credits'],
    [404, 'x', 'invalid_request'],
    [408, 'x', 'timeout'],
    [422, 'prompt is required', 'invalid_request'],
    [422, 'Invalid prompt: prompt contains prohibited content', 'content_blocked'],
    [400, 'content policy violation', 'content_blocked'],
    [429, 'x', 'rate_limited'],
    [455, 'x', 'provider_unavailable'],
    [500, 'x', 'provider_unavailable'],
    [501, 'Generation failed', 'no_image'],
    [505, 'x', 'invalid_request'],
  ] as const)('%i (%s) is %s', (code, message, errorClass) => {
    expect(kieError(code, message).code).toBe(errorClass);
  });
});

describe('KIE.ai callback signature', () => {
  const key = 'hmac-key';
  const now = 1_786_428_635_000;
  const sign = (taskId: string, ts: string, k = key) =>
    createHmac('sha256', k).update(`${taskId}.${ts}`).digest('base64');
  const ts = String(now / 1000);

  it('accepts the documented signature within ±300 s', () => {
    expect(verifyKieSignature(key, 'abc', ts, sign('abc', ts), now)).toBe(true);
    expect(verifyKieSignature(key, 'abc', ts, sign('abc', ts), now + 299_000)).toBe(true);
  });

  it.each([
    ['another task', () => verifyKieSignature(key, 'xyz', ts, sign('abc', ts), now)],
    ['another key', () => verifyKieSignature(key, 'abc', ts, sign('abc', ts, 'other'), now)],
    ['an old timestamp', () => verifyKieSignature(key, 'abc', ts, sign('abc', ts), now + 301_000)],
    ['no signature', () => verifyKieSignature(key, 'abc', ts, undefined, now)],
    ['garbage', () => verifyKieSignature(key, 'abc', 'soon', 'AAAA', now)],
  ])('refuses %s', (_what, check) => {
    expect(check()).toBe(false);
  });

  it('reads taskId or task_id', () => {
    expect(kieCallbackTaskId({ data: { taskId: 'a' } })).toBe('a');
    expect(kieCallbackTaskId({ data: { task_id: 'b' } })).toBe('b');
    expect(kieCallbackTaskId({})).toBeUndefined();
  });
});

describe('RateLimiter', () => {
  it('lets at most N through in any second', async () => {
    let now = 0;
    const limiter = new RateLimiter(10, () => now);
    for (let i = 0; i < 10; i++) await limiter.acquire();
    let eleventh = false;
    const waiting = limiter.acquire().then(() => (eleventh = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(eleventh).toBe(false);
    now = 1000;
    await waiting;
    expect(eleventh).toBe(true);
  });
});
