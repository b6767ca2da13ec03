import type { RateLimitRule } from './rate-limits';

/** Why a request was turned away, and when to try again. */
export function rateLimitedMessage(
  rule: Pick<RateLimitRule, 'counts' | 'per'>,
  max: number,
  retryAfterSeconds: number,
): string {
  const whose = rule.per === 'address' ? 'from one address' : 'for each user';
  return `Too many ${rule.counts}: at most ${max} a minute ${whose}. Retry in ${retryAfterSeconds} s`;
}
