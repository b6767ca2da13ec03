import type { Storage } from '@genhub/core';
import { withCodeOf } from './error-code-of';
import type { ReadinessCheck } from './readiness-check';

/**
 * The file store can be read and takes a write now (`Storage.check` writes and removes a probe):
 * a read-only or full disk, or a bucket that refuses writes, fails it.
 */
export function storageCheck(storage: Pick<Storage, 'check'>): ReadinessCheck {
  return {
    name: 'storage',
    run: async () => {
      await storage.check();
      return null;
    },
    explain: (error) => withCodeOf('the file store cannot be read or written', error),
  };
}
