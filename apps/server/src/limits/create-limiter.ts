import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rateLimitWindowMs } from './rate-limits';

export interface Verdict {
  exceeded: boolean;
  /** The limit this caller was counted against. */
  max: number;
  /** Seconds until the caller's window starts over. */
  retryAfterSeconds: number;
}

export interface Limiter {
  readonly max: number;
  /** Counts one request (or one call of a batch) made through `req` by `caller`. */
  hit(req: FastifyRequest, caller: string): Promise<Verdict>;
}

/**
 * A limit of `max` a minute (or what `maxFor` says for one caller) on @fastify/rate-limit's
 * limiter (and the store it was registered with), counted under `name` and a key the caller of
 * {@link Limiter.hit} chose. A request keeps one caller for its life (a WebSocket's upgrade
 * request: its connection's), so remembering it per request is safe.
 */
export function createLimiter(
  fastify: FastifyInstance,
  /** Tells this limit's counters from the others' where they share a store. */
  name: string,
  max: number,
  maxFor: (caller: string) => number | null = () => null,
): Limiter {
  const callers = new WeakMap<FastifyRequest, string>();
  const callerOf = (req: FastifyRequest): string => {
    const caller = callers.get(req);
    if (caller === undefined) throw new Error('a request was counted without its caller');
    return caller;
  };
  const check = fastify.createRateLimit({
    max: (req) => maxFor(callerOf(req)) ?? max,
    timeWindow: rateLimitWindowMs,
    keyGenerator: (req) => `${name}:${callerOf(req)}`,
  });
  return {
    max,
    async hit(req, caller) {
      callers.set(req, caller);
      const applied = maxFor(caller) ?? max;
      const limit = await check(req);
      if (limit.isAllowed) return { exceeded: false, max: applied, retryAfterSeconds: 0 };
      return {
        exceeded: limit.isExceeded,
        max: applied,
        retryAfterSeconds: Math.max(1, limit.ttlInSeconds),
      };
    },
  };
}
