import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { countHit, type Db } from '@genhub/db';
import { rateLimitWindowMs } from './rate-limits';
import { sweepExpiredHits } from './sweep-expired-hits';

type IncrCallback = Parameters<FastifyRateLimitStore['incr']>[1];

/**
 * A store for @fastify/rate-limit that counts in the database every instance shares
 * (`CLUSTER=true`), so a limit holds whichever instance a request reaches. Windows are fixed,
 * as in the plugin's in-memory store. A failed sweep of ended windows goes to `onSweepError`;
 * it never fails the request that ran it.
 */
export function databaseRateLimitStore(
  db: Db,
  onSweepError: (error: unknown) => void,
  now: () => number = () => Date.now(),
): FastifyRateLimitStoreCtor {
  const sweep = sweepExpiredHits(db, rateLimitWindowMs);
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      const at = now();
      let counted;
      try {
        counted = countHit(db, key, timeWindow, at);
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      try {
        sweep(at);
      } catch (error) {
        onSweepError(error);
      }
      callback(null, { current: counted.hits, ttl: counted.resetAt - at });
    }

    // Every limiter counts in the one table; their keys tell them apart.
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
