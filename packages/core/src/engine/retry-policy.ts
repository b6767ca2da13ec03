import type { ErrorClass } from '../schemas';

/** Classes worth another try (seed 004's policy, extended); `no_image` only once. */
export const retryableClasses: ReadonlySet<ErrorClass> = new Set<ErrorClass>([
  'network',
  'timeout',
  'rate_limited',
  'provider_unavailable',
  'no_image',
]);

export interface RetryState {
  code: ErrorClass;
  /** Tries made so far, including the one that just failed. */
  attempts: number;
  maxAttempts: number;
  /** `no_image` answers before this one. */
  previousNoImages: number;
}

export function shouldRetry(state: RetryState): boolean {
  if (!retryableClasses.has(state.code)) return false;
  if (state.code === 'no_image' && state.previousNoImages > 0) return false;
  return state.attempts < Math.max(1, state.maxAttempts);
}

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Uniform in [0, 1); injected so tests can pin it. */
  random: () => number;
}

/**
 * Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^(attempt-1))),
 * but never sooner than the provider's Retry-After.
 */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  options: BackoffOptions,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(options.random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}
