import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { countHit, createTestDb } from '@genhub/db';
import { describe, expect, it } from 'vitest';
import { sqliteHitCounter } from '../database/sqlite-hit-counter';
import { databaseRateLimitStore } from './database-rate-limit-store';

const minute = 60_000;

function incr(store: FastifyRateLimitStore, key: string) {
  return new Promise<{ current: number; ttl: number }>((resolve, reject) => {
    store.incr(
      key,
      (error, result) =>
        error || !result ? reject(error ?? new Error('no result')) : resolve(result),
      minute,
      10,
    );
  });
}

function setUp() {
  const handle = createTestDb();
  const clock = { now: 0 };
  const sweepErrors: unknown[] = [];
  const Store = databaseRateLimitStore(
    sqliteHitCounter(handle.db),
    (error) => sweepErrors.push(error),
    () => clock.now,
  );
  const rows = () =>
    handle.sqlite.prepare('SELECT count(*) FROM rate_limit_hits').pluck().get() as number;
  return { ...handle, clock, sweepErrors, store: new Store({}), rows };
}

describe('databaseRateLimitStore', () => {
  it('answers the count in the window and the time left in it, as the plugin expects', async () => {
    const { store, clock } = setUp();
    clock.now = 5_000;
    expect(await incr(store, 'RATE_LIMIT_TASKS:user:a')).toEqual({ current: 1, ttl: minute });
    clock.now = 6_500;
    expect(await incr(store, 'RATE_LIMIT_TASKS:user:a')).toEqual({
      current: 2,
      ttl: minute - 1_500,
    });
    // A child (one limiter of the plugin) counts in the same table.
    const child = store.child({} as Parameters<FastifyRateLimitStore['child']>[0]);
    expect(await incr(child, 'RATE_LIMIT_TASKS:user:a')).toMatchObject({ current: 3 });
    clock.now = 5_000 + minute;
    expect(await incr(store, 'RATE_LIMIT_TASKS:user:a')).toEqual({ current: 1, ttl: minute });
  });

  it('deletes ended windows in bounded batches, again at once while a batch was full, then once a window', async () => {
    const { db, store, clock, rows, sweepErrors } = setUp();
    for (let i = 0; i < 600; i++) countHit(db, `old-${i}`, minute, 0);
    clock.now = minute;
    await incr(store, 'live');
    // One batch of 500: the other 100 wait for the next hit.
    expect(rows()).toBe(101);
    clock.now = minute + 1;
    await incr(store, 'live');
    expect(rows()).toBe(1);

    countHit(db, 'late', minute, 0);
    clock.now = minute + 2;
    await incr(store, 'live');
    expect(rows()).toBe(2);
    clock.now = 2 * minute + 1;
    await incr(store, 'live');
    expect(rows()).toBe(1);
    expect(sweepErrors).toEqual([]);
  });

  it('hands a failure to count to the plugin, not a made-up count', async () => {
    const { store, sqlite } = setUp();
    sqlite.close();
    await expect(incr(store, 'k')).rejects.toThrow(/not open/);
  });
});
