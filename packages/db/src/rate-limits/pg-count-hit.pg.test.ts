import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgTestDatabase } from '../../test/pg-test-database';
import { createPgDb, type PgDbHandle } from '../pg/create-pg-db';
import { countPgHit } from './count-pg-hit';
import { deleteExpiredPgHits } from './delete-expired-pg-hits';

const database = pgTestDatabase();
const minute = 60_000;

describe('rate-limit counters on PostgreSQL', () => {
  let handle: PgDbHandle;
  beforeAll(async () => {
    handle = await createPgDb(database.url, { max: 8 });
  });
  afterAll(() => handle.close());

  it('starts a window with the first hit, counts within it, and starts over once it ends', async () => {
    const start = 1_767_225_600_000;
    expect(await countPgHit(handle.pool, 'k', minute, start)).toEqual({
      hits: 1,
      resetAt: start + minute,
    });
    expect(await countPgHit(handle.pool, 'k', minute, start + minute - 1)).toEqual({
      hits: 2,
      resetAt: start + minute,
    });
    expect(await countPgHit(handle.pool, 'k', minute, start + minute)).toEqual({
      hits: 1,
      resetAt: start + 2 * minute,
    });
    expect((await countPgHit(handle.pool, 'other', minute, start + minute)).hits).toBe(1);
  });

  it('gives every one of many concurrent hits on one key its own count', async () => {
    const now = Date.now();
    const counts = await Promise.all(
      Array.from({ length: 40 }, () => countPgHit(handle.pool, 'busy', minute, now)),
    );
    expect(counts.map((c) => c.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  it('deletes at most the given number of ended windows, and none still running', async () => {
    await handle.pool.query('DELETE FROM rate_limit_hits');
    for (let i = 0; i < 3; i++) await countPgHit(handle.pool, `old-${i}`, minute, i);
    await countPgHit(handle.pool, 'current', minute, 10 * minute);
    expect(await deleteExpiredPgHits(handle.pool, 10 * minute, 2)).toBe(2);
    expect(await deleteExpiredPgHits(handle.pool, 10 * minute, 2)).toBe(1);
    const { rows } = await handle.pool.query<{ key: string }>('SELECT key FROM rate_limit_hits');
    expect(rows).toEqual([{ key: 'current' }]);
  });
});
