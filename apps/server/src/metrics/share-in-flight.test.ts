import { describe, expect, it } from 'vitest';
import { shareInFlight } from './share-in-flight';

describe('shareInFlight', () => {
  it('gives callers at the same time one read, and later callers a new one', async () => {
    let reads = 0;
    const read = shareInFlight(() => Promise.resolve(++reads));
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    expect(await read()).toBe(2);
  });

  it('reads again after a failed read', async () => {
    let reads = 0;
    const read = shareInFlight(() =>
      ++reads === 1 ? Promise.reject(new Error('once')) : Promise.resolve(reads),
    );
    await expect(read()).rejects.toThrow('once');
    expect(await read()).toBe(2);
  });
});
