import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether an `Authorization` header carries `token` as a Bearer token, compared in constant
 * time (as digests, so that neither length nor content leaks through timing).
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer +(.+)$/i.exec(header ?? '')?.[1];
  if (presented === undefined) return false;
  return timingSafeEqual(digest(presented), digest(token));
}
