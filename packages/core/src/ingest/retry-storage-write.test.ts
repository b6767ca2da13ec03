import { describe, expect, it } from 'vitest';
import { StorageWriteError } from '../storage/storage-write-error';
import { retryStorageWrite } from './retry-storage-write';

/** A write that fails its first `failures` calls with `error`. */
function flakyWrite(failures: number, error: Error = new Error('EIO')) {
  const calls = { n: 0 };
  const write = () => (++calls.n <= failures ? Promise.reject(error) : Promise.resolve());
  return { write, calls };
}

describe('retryStorageWrite', () => {
  it('tries again after each wait until the write succeeds', async () => {
    const { write, calls } = flakyWrite(2);
    const waits: number[] = [];
    await retryStorageWrite(write, {
      delaysMs: [100, 400],
      wait: (ms) => Promise.resolve(waits.push(ms)),
    });
    expect(calls.n).toBe(3);
    expect(waits).toEqual([100, 400]);
  });

  it('fails as a StorageWriteError once the tries are spent, keeping the last error', async () => {
    const cause = Object.assign(new Error("ENOSPC: no space left on device, open '/srv/x'"), {
      code: 'ENOSPC',
    });
    const { write, calls } = flakyWrite(Number.POSITIVE_INFINITY, cause);
    const failed = retryStorageWrite(write, { delaysMs: [1, 1], wait: () => Promise.resolve() });
    await expect(failed).rejects.toBeInstanceOf(StorageWriteError);
    const error = (await failed.catch((e: unknown) => e)) as StorageWriteError;
    expect(calls.n).toBe(3);
    expect(error).toMatchObject({ tries: 3, reason: 'ENOSPC', cause });
    expect(error.message).toBe('Could not write to storage (3 tries, ENOSPC)');
  });

  it('tries once by default', async () => {
    const { write, calls } = flakyWrite(1);
    await expect(retryStorageWrite(write)).rejects.toMatchObject({ tries: 1 });
    expect(calls.n).toBe(1);
  });

  it('ends with the abort, not a storage failure, when the run is aborted while it waits', async () => {
    const { write, calls } = flakyWrite(Number.POSITIVE_INFINITY);
    const controller = new AbortController();
    const failed = retryStorageWrite(write, { delaysMs: [60_000, 60_000] }, controller.signal);
    controller.abort(new Error('canceled'));
    await expect(failed).rejects.not.toBeInstanceOf(StorageWriteError);
    expect(calls.n).toBe(1);
  });
});
