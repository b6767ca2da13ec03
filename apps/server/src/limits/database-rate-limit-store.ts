import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { HitCounter } from './hit-counter';
import { rateLimitWindowMs } from './rate-limits';
import { sweepExpiredHits } from './sweep-expired-hits';

type IncrCallback = Parameters<FastifyRateLimitStore['incr']>[1];

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * A store for @fastify/rate-limit that counts in the database every instance shares
 * (`CLUSTER=true`, or PostgreSQL), so a limit holds whichever instance a request reaches.
 * Windows are fixed, as in the plugin's in-memory store. A failed sweep of ended windows goes
 * to `onSweepError`; it never fails the request that ran it.
 */
export function databaseRateLimitStore(
  hits: HitCounter,
  onSweepError: (error: unknown) => void,
  now: () => number = () => Date.now(),
): FastifyRateLimitStoreCtor {
  const sweep = sweepExpiredHits(hits, rateLimitWindowMs);
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      const at = now();
      hits.count(key, timeWindow, at).then(
        async (counted) => {
          await sweep(at).catch(onSweepError);
          callback(null, { current: counted.hits, ttl: counted.resetAt - at });
        },
        (error: unknown) => callback(asError(error)),
      );
    }

    // Every limiter counts in the one table; their keys tell them apart.
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
