import { describe, expect, it } from 'vitest';
import { errorClassForStatus, parseRetryAfter } from '../providers/error-class-for-status';
import { errorClasses, type ErrorClass } from '../schemas';
import { backoffDelay, shouldRetry } from './retry-policy';

describe('error classification', () => {
  it.each([
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [402, 'insufficient_credits'],
    [403, 'unauthorized'],
    [404, 'invalid_request'],
    [408, 'timeout'],
    [422, 'invalid_request'],
    [429, 'rate_limited'],
    [500, 'provider_unavailable'],
    [502, 'provider_unavailable'],
    [503, 'provider_unavailable'],
    [504, 'timeout'],
  ] as const)('HTTP %i is %s', (status, code) => {
    expect(errorClassForStatus(status)).toBe(code);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(parseRetryAfter('8', now)).toBe(8000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('retry policy', () => {
  const decide = (code: ErrorClass, attempts = 1, maxAttempts = 3, previousNoImages = 0) =>
    shouldRetry({ code, attempts, maxAttempts, previousNoImages });

  it('retries exactly the transient classes', () => {
    const retried = errorClasses.filter((code) => decide(code));
    expect(retried).toEqual([
      'network',
      'timeout',
      'rate_limited',
      'provider_unavailable',
      'no_image',
    ]);
  });

  it('retries no_image once, and nothing past maxAttempts', () => {
    expect(decide('no_image', 1, 3, 1)).toBe(false);
    expect(decide('network', 2, 3)).toBe(true);
    expect(decide('network', 3, 3)).toBe(false);
    expect(decide('network', 1, 1)).toBe(false);
    expect(decide('network', 1, 0)).toBe(false);
  });

  it('backs off exponentially with full jitter, capped, never sooner than Retry-After', () => {
    const options = (r: number) => ({ baseMs: 1000, capMs: 8000, random: () => r });
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, undefined, options(0.999999)))).toEqual([
      999, 1999, 3999, 7999, 7999,
    ]);
    expect(backoffDelay(3, undefined, options(0))).toBe(0);
    expect(backoffDelay(3, undefined, options(0.5))).toBe(2000);
    expect(backoffDelay(1, 5000, options(0.5))).toBe(5000);
    expect(backoffDelay(4, 1000, options(0.5))).toBe(4000);
  });
});
