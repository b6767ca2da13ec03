import type { HitCount } from '@genhub/db';

/** Request-limit counters in the database the instances share (see `countHit`). */
export interface HitCounter {
  /** Counts one hit under `key` in its `windowMs`-long window as of `now`. */
  count(key: string, windowMs: number, now: number): Promise<HitCount>;
  /** Deletes up to `most` counters whose window ended by `now`; answers how many went. */
  deleteExpired(now: number, most: number): Promise<number>;
}
