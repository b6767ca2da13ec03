import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rateLimitWindowMs } from './rate-limits';
import type { StoreOutageReport } from './report-store-outage';

export type Verdict =
  | { outcome: 'allowed' }
  | {
      outcome: 'exceeded';
      /** The limit this caller was counted against. */
      max: number;
      /** Seconds until the caller's window starts over. */
      retryAfterSeconds: number;
    }
  /** The hit could not be counted (the store failed): the request waits this long and retries. */
  | { outcome: 'unavailable'; retryAfterSeconds: number };

/** What a client is told to wait when the store failed: about the database's busy timeout. */
export const storeOutageRetryAfterSeconds = 5;

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
 *
 * A hit the store fails to count is `unavailable`, reported to `outages`: the request is refused
 * (fail closed), not let through as the plugin's `skipOnError` would. The sign-in limit stands
 * between a guesser and a password, and whoever can keep the shared database busy must not lift
 * it that way; a request that finds the database that busy would most likely fail on it next.
 */
export function createLimiter(
  fastify: FastifyInstance,
  /** Tells this limit's counters from the others' where they share a store. */
  name: string,
  max: number,
  /** A caller's own limit, where it has one (null: `max`). */
  maxFor: (caller: string) => Promise<number | null>,
  outages: StoreOutageReport,
): Limiter {
  const callers = new WeakMap<FastifyRequest, string>();
  const callerOf = (req: FastifyRequest): string => {
    const caller = callers.get(req);
    if (caller === undefined) throw new Error('a request was counted without its caller');
    return caller;
  };
  const check = fastify.createRateLimit({
    max: async (req) => (await maxFor(callerOf(req))) ?? max,
    timeWindow: rateLimitWindowMs,
    keyGenerator: (req) => `${name}:${callerOf(req)}`,
  });
  return {
    max,
    async hit(req, caller) {
      callers.set(req, caller);
      const applied = (await maxFor(caller)) ?? max;
      let limit;
      try {
        limit = await check(req);
      } catch (error) {
        outages.failed(error);
        return { outcome: 'unavailable', retryAfterSeconds: storeOutageRetryAfterSeconds };
      }
      outages.answered();
      if (limit.isAllowed || !limit.isExceeded) return { outcome: 'allowed' };
      return {
        outcome: 'exceeded',
        max: applied,
        retryAfterSeconds: Math.max(1, limit.ttlInSeconds),
      };
    },
  };
}
