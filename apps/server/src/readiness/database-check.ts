import type { DatabaseProbes } from './database-probes';
import { withCodeOf } from './error-code-of';
import type { ReadinessCheck } from './readiness-check';

/** The database answers a trivial query. */
export function databaseCheck(probes: Pick<DatabaseProbes, 'ping'>): ReadinessCheck {
  return {
    name: 'database',
    run: async () => {
      await probes.ping();
      return null;
    },
    explain: (error) => withCodeOf('the database did not answer', error),
  };
}
