import type { ReleaseReplay, ReplayGate } from '@genhub/core';

type Gate = Pick<ReplayGate, 'acquire'>;

/** A slot of `outer` first, then one of `inner`; released together. */
export function chainReplayGates(outer: Gate, inner: Gate): Gate {
  return {
    acquire(signal) {
      const then = (releaseOuter: ReleaseReplay): ReleaseReplay | Promise<ReleaseReplay> => {
        const both = (releaseInner: ReleaseReplay) => () => {
          releaseInner();
          releaseOuter();
        };
        try {
          const slot = inner.acquire(signal);
          if (typeof slot === 'function') return both(slot);
          return slot.then(both, (error: unknown) => {
            releaseOuter();
            throw error;
          });
        } catch (error) {
          releaseOuter();
          throw error;
        }
      };
      const first = outer.acquire(signal);
      return typeof first === 'function' ? then(first) : first.then(then);
    },
  };
}
