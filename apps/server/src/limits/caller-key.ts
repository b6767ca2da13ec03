import { normalizeIP } from '@fastify/rate-limit';
import type { Viewer } from '../auth/viewer';
import type { RateLimitSubject } from './rate-limits';

/**
 * What a limit counts a request under: a signed-in user's id (only once their session or key
 * was verified, so made-up credentials cannot spread over counters), else the client address
 * (an IPv6 client's /64, as the plugin groups them).
 */
export function callerKey(per: RateLimitSubject, viewer: Viewer | null, ip: string): string {
  if (per === 'caller' && viewer) return `${userPrefix}${viewer.user.id}`;
  return `ip:${normalizeIP(ip)}`;
}

const userPrefix = 'user:';

/** The user a {@link callerKey} counts, or null for an address. */
export const userOfCaller = (caller: string): string | null =>
  caller.startsWith(userPrefix) ? caller.slice(userPrefix.length) : null;
