import { describe, expect, it } from 'vitest';
import { shareRecentRun } from './share-recent-run';

/** A promise the test settles when it likes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('shareRecentRun', () => {
  it('joins calls made while a run is under way, then reuses its result for the window', async () => {
    let clock = 0;
    let runs = 0;
    let pending = deferred<string>();
    const shared = shareRecentRun(
      () => {
        runs++;
        return pending.promise;
      },
      { forMs: 2000, now: () => clock },
    );
    const waiting = Array.from({ length: 20 }, () => shared());
    expect(runs).toBe(1);
    pending.resolve('first');
    expect(await Promise.all(waiting)).toEqual(Array(20).fill('first'));

    clock += 1999;
    expect(await shared()).toBe('first');
    expect(runs).toBe(1);

    clock += 1;
    pending = deferred<string>();
    const next = shared();
    expect(runs).toBe(2);
    pending.resolve('second');
    expect(await next).toBe('second');
  });

  it('with no window, only joins a run under way', async () => {
    let runs = 0;
    const pending = deferred<number>();
    const shared = shareRecentRun(
      () => {
        runs++;
        return runs === 1 ? pending.promise : Promise.resolve(runs);
      },
      { forMs: 0, now: () => 0 },
    );
    const [a, b] = [shared(), shared()];
    expect(runs).toBe(1);
    pending.resolve(1);
    expect([await a, await b]).toEqual([1, 1]);
    expect(await shared()).toBe(2);
  });

  it('keeps no rejection, nor a result whose clock went backwards', async () => {
    let clock = 1000;
    let runs = 0;
    const shared = shareRecentRun(
      () => {
        runs++;
        return runs === 1 ? Promise.reject(new Error('down')) : Promise.resolve(runs);
      },
      { forMs: 2000, now: () => clock },
    );
    await expect(shared()).rejects.toThrow('down');
    expect(await shared()).toBe(2);
    clock -= 500;
    expect(await shared()).toBe(3);
  });

  it('turns a run that throws at once into a rejection', async () => {
    const shared = shareRecentRun<number>(
      () => {
        throw new Error('at once');
      },
      { forMs: 2000, now: () => 0 },
    );
    await expect(shared()).rejects.toThrow('at once');
  });
});
