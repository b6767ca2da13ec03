import { setTimeout as delay } from 'node:timers/promises';
import { StorageWriteError } from '../storage/storage-write-error';

/** How a write of bytes already in hand is tried again before it counts as failed. */
export interface StoreRetry {
  /** The waits before the second, third… try: one try more than it has entries. */
  delaysMs: readonly number[];
  /** Waits `ms`, rejecting when `signal` aborts; a timer by default (tests pass their own). */
  wait?: ((ms: number, signal?: AbortSignal) => Promise<unknown>) | undefined;
}

/** One try: what a write gets when its caller asks for no retries. */
export const noStoreRetry: StoreRetry = { delaysMs: [] };

/** Three tries within 2.5 s: a store's brief hiccup passes, a broken one fails soon. */
export const defaultStoreRetry: StoreRetry = { delaysMs: [500, 2000] };

/**
 * Runs `write` until it succeeds or `retry` is spent; then rejects with a `StorageWriteError`
 * holding the last failure. An abort (cancel, shutdown, deadline) ends it with its own error.
 */
export async function retryStorageWrite(
  write: () => Promise<void>,
  retry: StoreRetry = noStoreRetry,
  signal?: AbortSignal,
): Promise<void> {
  const wait = retry.wait ?? ((ms: number, s?: AbortSignal) => delay(ms, undefined, { signal: s }));
  for (let tries = 1; ; tries++) {
    try {
      return await write();
    } catch (error) {
      signal?.throwIfAborted();
      const next = retry.delaysMs[tries - 1];
      if (next === undefined) throw new StorageWriteError(tries, error);
      await wait(next, signal);
    }
  }
}
